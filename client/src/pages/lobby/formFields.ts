import { h } from '../../ui/dom';

/** A labelled control with a hint and a place for its error (tied to the control for screen readers). */
export interface Field<T extends HTMLElement> {
  wrap: HTMLElement;
  control: T;
  error: HTMLElement;
}

interface FieldOptions {
  id: string;
  label: string;
  hint?: string;
}

/** Wraps `control` (shown inside `body` when given) in a label, hint and error line; the control is described by both. */
export function field<T extends HTMLElement>(
  o: FieldOptions,
  control: T,
  body: HTMLElement = control,
): Field<T> {
  const hint = o.hint ? h('p', { class: 'field-hint', id: `${o.id}-hint` }, o.hint) : null;
  const error = h('p', { class: 'field-error', id: `${o.id}-error`, 'aria-live': 'polite' });
  control.id = o.id;
  control.setAttribute('aria-describedby', [hint ? hint.id : '', error.id].filter(Boolean).join(' '));
  const wrap = h(
    'div',
    { class: 'field' },
    h('label', { class: 'field-label', for: o.id }, o.label),
    body,
    hint,
    error,
  );
  return { wrap, control, error };
}

/** A one-line text input. */
export function textInput(
  name: string,
  value: string,
  maxlength: number,
  attrs: Record<string, string | boolean> = {},
): HTMLInputElement {
  return h('input', {
    class: 'text-input field-input',
    name,
    type: 'text',
    value,
    maxlength,
    autocomplete: 'off',
    ...attrs,
  });
}

/** A multi-line text box. */
export function textArea(name: string, value: string, maxlength: number, rows: number): HTMLTextAreaElement {
  const area = h('textarea', { class: 'text-area', name, maxlength, rows });
  area.value = value;
  return area;
}

/** A drop-down of `[value, label]` options. */
export function select(
  name: string,
  options: ReadonlyArray<readonly [string, string]>,
  value: string,
): HTMLSelectElement {
  const el = h(
    'select',
    { class: 'select', name },
    ...options.map(([v, label]) => h('option', { value: v }, label)),
  );
  el.value = value;
  return el;
}

/** A group of radio buttons drawn as segments; `hint` under each title. */
export function radioSegments(
  name: string,
  legend: string,
  options: ReadonlyArray<{ value: string; title: string; hint: string }>,
  value: string,
): { fieldset: HTMLFieldSetElement; error: HTMLElement; value(): string } {
  const error = h('p', { class: 'field-error', id: `${name}-error`, 'aria-live': 'polite' });
  const radios = options.map((o) =>
    h('input', { class: 'segment-radio', type: 'radio', name, value: o.value, checked: o.value === value }),
  );
  const fieldset = h(
    'fieldset',
    { class: 'field radio-segments', 'aria-describedby': error.id },
    h('legend', { class: 'field-label' }, legend),
    h(
      'div',
      { class: 'segments' },
      ...options.map((o, i) =>
        h('label', { class: 'segment' }, radios[i], h('strong', {}, o.title), h('span', {}, o.hint)),
      ),
    ),
    error,
  );
  return { fieldset, error, value: () => radios.find((r) => r.checked)?.value ?? value };
}

/** A slider with its value printed beside it. */
export function slider(
  name: string,
  range: { min: number; max: number; step: number },
  value: number,
): { el: HTMLElement; input: HTMLInputElement } {
  const input = h('input', {
    class: 'slider',
    type: 'range',
    name,
    min: range.min,
    max: range.max,
    step: range.step,
    value,
  });
  const out = h('output', { class: 'slider-value', 'aria-hidden': 'true' }, String(value));
  input.addEventListener('input', () => {
    out.textContent = input.value;
  });
  return { el: h('div', { class: 'slider-row' }, input, out), input };
}
