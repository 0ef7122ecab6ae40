/** Where the FAQ is read: a commune's workspace, the département's back office, the public portal. */
export type FaqArea = 'commune' | 'departement' | 'public';

/** The list's path in each area; an entry is at `<base>/<id>`. */
export const FAQ_AREA_BASE: Readonly<Record<FaqArea, string>> = {
  commune: '/espace/faq',
  departement: '/departement/faq',
  public: '/faq',
};

/** The route's `data.area`, whatever it holds; the commune's workspace by default. */
export function faqAreaOf(value: unknown): FaqArea {
  return value === 'departement' || value === 'public' ? value : 'commune';
}
