import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CommuneSummaryDto } from '@passerelle/shared/dto';
import { of, Subject } from 'rxjs';
import { communeSuggestions } from './commune-suggestions';
import { TerritoryApi } from './territory-api';

describe('communeSuggestions', () => {
  const ableiges = { insee: '95002', name: 'Ableiges' } as CommuneSummaryDto;

  it('asks for the département’s communes once typing pauses, from two letters, and not for a chosen commune', () => {
    jest.useFakeTimers();
    const listCommunes = jest.fn(() => of({ items: [ableiges], total: 1, limit: 10, offset: 0 }));
    TestBed.configureTestingModule({ providers: [{ provide: TerritoryApi, useValue: { listCommunes } }] });
    const typed = new Subject<unknown>();
    let code: string | null = '95';
    const suggestions = runInInjectionContext(TestBed.inject(Injector), () => communeSuggestions(typed, () => code, 250));

    typed.next('A');
    jest.advanceTimersByTime(300);
    expect(listCommunes).not.toHaveBeenCalled();

    typed.next(' Ab');
    typed.next(' Abl ');
    jest.advanceTimersByTime(300);
    expect(listCommunes).toHaveBeenCalledTimes(1);
    expect(listCommunes).toHaveBeenCalledWith('95', { q: 'Abl', limit: 10 });
    expect(suggestions()).toEqual([ableiges]);

    typed.next(ableiges);
    jest.advanceTimersByTime(300);
    code = null;
    typed.next('Avernes');
    jest.advanceTimersByTime(300);
    expect(listCommunes).toHaveBeenCalledTimes(1);
    expect(suggestions()).toEqual([]);
    jest.useRealTimers();
  });
});
