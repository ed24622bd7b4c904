/** "risk_accepted" → "Risk accepted". */
export function choiceLabel(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
