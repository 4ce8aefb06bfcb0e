/**
 * What a reader did to a form control of the static HTML, carried over to the live page. Before React hydrates a
 * page (its scripts start after the first paint) or wakes a dormant island, a control already works as plain HTML:
 * a select shows the new choice, a checkbox its tick. React then renders its own state over it, so the choice would
 * be lost without being told.
 */

/** A control's state: a value (select, text, number, range) or whether it is checked (checkbox, radio). */
export interface ControlState {
  value?: string;
  checked?: boolean;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function isControl(element: unknown): element is Control {
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
}

/** The control's state when it differs from the one its HTML attributes set, else null. */
export function changedFromHtml(control: Control): ControlState | null {
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
    return control.checked !== control.defaultChecked ? { checked: control.checked } : null;
  }
  if (control instanceof HTMLSelectElement) {
    return [...control.options].some((option) => option.selected !== option.defaultSelected) ? { value: control.value } : null;
  }
  return control.value !== control.defaultValue ? { value: control.value } : null;
}

/**
 * Makes the live control show what the reader chose, as their own input would, so React's onChange runs. Whether
 * React has already put its own state back into the element or not (hydration may leave the reader's value in place),
 * the control first takes another state through its own property, which React watches, and then the reader's through
 * the prototype or a click, which React sees as a change.
 */
export function applyControlState(twin: Element, state: ControlState): void {
  if (state.checked !== undefined) {
    // A radio is unchecked by the sibling the reader checked, which has its own step.
    if (!(twin instanceof HTMLInputElement) || (twin.type === 'radio' && !state.checked)) return;
    twin.checked = !state.checked;
    twin.click();
    return;
  }
  if (!isControl(twin) || state.value === undefined) return;
  twin.value = state.value === '' ? ' ' : '';
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(twin), 'value')?.set?.call(twin, state.value);
  twin.dispatchEvent(new Event('input', { bubbles: true }));
  twin.dispatchEvent(new Event('change', { bubbles: true }));
}
