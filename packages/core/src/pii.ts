/** Masks a mainland mobile or landline number for lists: 138****5678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.trim();
  if (digits.length <= 7) return digits.slice(0, 1) + '*'.repeat(Math.max(digits.length - 2, 0)) + digits.slice(-1);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}
