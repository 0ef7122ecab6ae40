/** "Rénovation de l’école — Ableiges" → "renovation-de-l-ecole-ableiges": lower case ASCII words joined by dashes. */
export function slugify(text: string, max = 80): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'projet';
}
