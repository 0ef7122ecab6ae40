import { TestBed } from '@angular/core/testing';
import { type QuestionDraft, QuestionDraftStore } from './question-draft-store';

describe(QuestionDraftStore.name, () => {
  let sut: QuestionDraftStore;
  const draft: QuestionDraft = {
    subject: 'Subvention DETR pour l’école',
    category: 'FUNDING',
    projectId: 'p1',
    body: 'Bonjour,\nquelles pièces faut-il joindre ?',
  };

  beforeEach(() => {
    localStorage.clear();
    sut = TestBed.inject(QuestionDraftStore);
  });

  it('gives back the draft saved by the same user, with the time it was saved', () => {
    sut.save('u1', draft, new Date('2026-03-10T10:00:00Z'));
    expect(sut.load('u1')).toEqual({ ...draft, savedAt: '2026-03-10T10:00:00.000Z' });
  });

  it('keeps one draft per user, so that a colleague on the same computer does not get it', () => {
    sut.save('u1', draft);
    expect(sut.load('u2')).toBeNull();
    expect(Object.keys(localStorage)).toEqual(['passerelle.question-draft.u1']);
  });

  it('forgets the draft once the question is sent', () => {
    sut.save('u1', draft);
    sut.clear('u1');
    expect(sut.load('u1')).toBeNull();
  });

  it('keeps nothing for an empty form', () => {
    sut.save('u1', draft);
    sut.save('u1', { subject: '  ', category: null, projectId: null, body: '\n' });
    expect(sut.load('u1')).toBeNull();
  });

  it('ignores what it cannot read back, and drops an unknown category', () => {
    localStorage.setItem('passerelle.question-draft.u1', '{not json');
    expect(sut.load('u1')).toBeNull();
    localStorage.setItem(
      'passerelle.question-draft.u1',
      JSON.stringify({ subject: 'Sujet', body: 'Texte', category: 'LOTTERY', projectId: 42, savedAt: 'x' }),
    );
    expect(sut.load('u1')).toEqual({ subject: 'Sujet', body: 'Texte', category: null, projectId: null, savedAt: 'x' });
  });

  it('does not fail when the browser refuses to store', () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(() => sut.save('u1', draft)).not.toThrow();
    setItem.mockRestore();
  });
});
