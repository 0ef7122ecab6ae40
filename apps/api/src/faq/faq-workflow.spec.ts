import { isExpired, judgeReview, type ReviewedEntry } from './faq-workflow';

const author = 'a1';
const colleague = { userId: 'c1', isAdmin: false };
const admin = { userId: 'ad', isAdmin: true };
const inReview: ReviewedEntry = { status: 'IN_REVIEW', authorId: author, submittedBy: author };

describe(judgeReview.name, () => {
  it('lets the author submit a draft, and another agent publish it', () => {
    expect(judgeReview({ ...inReview, status: 'DRAFT' }, 'submit', { userId: author, isAdmin: false }, undefined)).toEqual({ allowed: true, next: 'IN_REVIEW' });
    expect(judgeReview(inReview, 'publish', colleague, undefined)).toEqual({ allowed: true, next: 'PUBLISHED' });
    expect(judgeReview(inReview, 'publish', admin, undefined)).toEqual({ allowed: true, next: 'PUBLISHED' });
  });

  it('never lets the author or the submitter publish or reject their own text, admin or not', () => {
    expect(judgeReview(inReview, 'publish', { userId: author, isAdmin: true }, undefined)).toEqual({ allowed: false, reason: 'OWN_ENTRY' });
    expect(judgeReview({ ...inReview, submittedBy: 'c1' }, 'publish', colleague, undefined)).toEqual({ allowed: false, reason: 'OWN_ENTRY' });
    expect(judgeReview(inReview, 'reject', { userId: author, isAdmin: false }, 'Trop long')).toEqual({ allowed: false, reason: 'OWN_ENTRY' });
  });

  it('sends a rejected entry back to draft, with a reason only', () => {
    expect(judgeReview(inReview, 'reject', colleague, '  ')).toEqual({ allowed: false, reason: 'REASON_REQUIRED' });
    expect(judgeReview(inReview, 'reject', colleague, 'Citer l’article R2334-27.')).toEqual({ allowed: true, next: 'DRAFT' });
  });

  it('refuses an action from the wrong status', () => {
    expect(judgeReview({ ...inReview, status: 'DRAFT' }, 'publish', colleague, undefined)).toEqual({ allowed: false, reason: 'WRONG_STATUS' });
    expect(judgeReview({ ...inReview, status: 'PUBLISHED' }, 'submit', colleague, undefined)).toEqual({ allowed: false, reason: 'WRONG_STATUS' });
    expect(judgeReview({ ...inReview, status: 'ARCHIVED' }, 'archive', colleague, undefined)).toEqual({ allowed: false, reason: 'WRONG_STATUS' });
  });

  it('lets any agent archive a draft, an entry in review or a published one', () => {
    for (const status of ['DRAFT', 'IN_REVIEW', 'PUBLISHED'] as const) {
      expect(judgeReview({ ...inReview, status }, 'archive', { userId: author, isAdmin: false }, undefined)).toEqual({ allowed: true, next: 'ARCHIVED' });
    }
  });
});

describe(isExpired.name, () => {
  it('expires the day after « valable jusqu’au », never without a date', () => {
    expect(isExpired('2026-01-31', '2026-01-31')).toBe(false);
    expect(isExpired('2026-01-31', '2026-02-01')).toBe(true);
    expect(isExpired(null, '2099-01-01')).toBe(false);
  });
});
