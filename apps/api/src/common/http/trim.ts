/** `@Transform(trimmed)`: a text field without its surrounding spaces; any other value as sent, for its validator. */
export const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
