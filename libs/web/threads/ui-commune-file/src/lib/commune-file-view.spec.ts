import type { CommuneFileDto, ThreadSummaryDto } from '@passerelle/shared/dto';
import {
  firstItems,
  formatAverageScore,
  otherThreads,
  satisfactionCountText,
  timelineLink,
  workspaceText,
} from './commune-file-view';

describe('formatAverageScore', () => {
  it('writes the average out of 5 with a French decimal comma', () => {
    expect(formatAverageScore(4.25)).toBe('4,3 sur 5');
    expect(formatAverageScore(5)).toBe('5,0 sur 5');
  });

  it('does not show 0 when nobody answered yet', () => {
    expect(formatAverageScore(null)).toBe('Aucune réponse');
  });
});

describe('satisfactionCountText', () => {
  it('counts the answers in French', () => {
    expect(satisfactionCountText(1)).toBe('1 réponse au questionnaire de satisfaction');
    expect(satisfactionCountText(12)).toBe('12 réponses au questionnaire de satisfaction');
    expect(satisfactionCountText(0)).toContain('Aucune question fermée');
  });
});

describe('otherThreads', () => {
  const threads = [{ id: 'a' }, { id: 'b' }] as ThreadSummaryDto[];

  it('leaves out the thread the agent is reading', () => {
    expect(otherThreads(threads, 'a').map((thread) => thread.id)).toEqual(['b']);
  });

  it('keeps them all on the commune’s own page', () => {
    expect(otherThreads(threads, null)).toHaveLength(2);
  });
});

describe('timelineLink', () => {
  it('opens threads and projects in the back office', () => {
    expect(timelineLink({ type: 'thread', id: 't1' })).toBe('/departement/questions/t1');
    expect(timelineLink({ type: 'project', id: 'p/1' })).toBe('/departement/projets/p%2F1');
    expect(timelineLink(null)).toBeNull();
  });
});

describe('firstItems', () => {
  it('cuts a long list until the user asks for everything', () => {
    expect(firstItems([1, 2, 3], 2, false)).toEqual([1, 2]);
    expect(firstItems([1, 2, 3], 2, true)).toEqual([1, 2, 3]);
  });
});

describe('workspaceText', () => {
  const commune = { workspaceOpenedAt: null } as CommuneFileDto['commune'];

  it('says when the workspace was opened, or that it is not', () => {
    expect(workspaceText({ ...commune, workspaceOpenedAt: '2026-03-01T10:00:00Z' }, () => '1er mars 2026')).toBe(
      'Ouvert le 1er mars 2026',
    );
    expect(workspaceText(commune, () => '')).toBe('Pas encore ouvert');
  });
});
