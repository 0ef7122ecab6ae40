import type { FaqEntryDto, FaqEntrySummaryDto } from '@passerelle/shared/dto';

export function summaryFixture(overrides: Partial<FaqEntrySummaryDto> = {}): FaqEntrySummaryDto {
  return {
    id: 'e1',
    title: 'Peut-on cumuler la DETR et la DSIL pour un même projet ?',
    excerpt: 'Oui, dans la limite de 80 % du coût hors taxes.',
    theme: 'VOIRIE',
    category: 'FUNDING',
    scope: 'DEPARTEMENT',
    visibility: 'COMMUNES',
    status: 'PUBLISHED',
    departementCode: '95',
    departementName: 'Val-d’Oise',
    validUntil: null,
    updatedAt: '2026-03-10T09:00:00Z',
    views: 12,
    helpfulYes: 4,
    helpfulNo: 1,
    ...overrides,
  };
}

export function entryFixture(overrides: Partial<FaqEntryDto> = {}): FaqEntryDto {
  return {
    ...summaryFixture(),
    answer: 'Oui, dans la limite de **80 %** du coût hors taxes.',
    answerHtml: '<p>Oui, dans la limite de <strong>80 %</strong> du coût hors taxes.</p>',
    legalReferences: [{ label: 'Article L2334-42 du CGCT', url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000041410627' }],
    version: 3,
    ...overrides,
  };
}
