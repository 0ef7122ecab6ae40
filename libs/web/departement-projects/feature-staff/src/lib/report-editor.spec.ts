import { TestBed } from '@angular/core/testing';
import { type CreateDeptReportRequest, DEPT_PROJECT_LIMITS } from '@passerelle/shared/dto';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { ReportEditor } from './report-editor';
import { createReportForm, reportDayValidator } from './report-form';
import { deptProject, deptReport } from './testing-fixtures';

describe(ReportEditor.name, () => {
  async function render(api: Partial<Record<keyof DeptProjectsApi, jest.Mock>>) {
    TestBed.configureTestingModule({ imports: [ReportEditor], providers: [{ provide: DeptProjectsApi, useValue: api }] });
    const fixture = TestBed.createComponent(ReportEditor);
    fixture.componentRef.setInput('project', deptProject());
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const field = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
      if (!field) {
        throw new Error(`no field ${selector}`);
      }
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    const press = (label: string) =>
      [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label)?.click();
    return { fixture, element, type, press };
  }

  it('sends the report to review with its texts, progress and milestones reached', async () => {
    const createReport = jest.fn((_id: string, request: CreateDeptReportRequest) => of(deptReport({ ...request, id: 'r9' })));
    const { fixture, element, type, press } = await render({ createReport });
    const saved = jest.fn();
    fixture.componentInstance.saved.subscribe(saved);
    type('textarea[id$="-done"]', '  Fondations coulées. ');
    type('textarea[id$="-nextSteps"]', 'Charpente en mars.');
    type('input[id$="-progress"]', '45');
    const travaux = [...element.querySelectorAll('mat-checkbox')].find((box) => box.textContent?.includes('Travaux'));
    travaux?.querySelector<HTMLInputElement>('input')?.click();
    await fixture.whenStable();
    press('Envoyer en relecture');
    await fixture.whenStable();

    expect(createReport).toHaveBeenCalledTimes(1);
    const [projectId, request] = createReport.mock.calls[0];
    expect(projectId).toBe('d1');
    expect(request).toEqual(
      expect.objectContaining({
        done: 'Fondations coulées.',
        difficulties: '',
        nextSteps: 'Charpente en mars.',
        progress: 45,
        milestonesReached: ['Travaux'],
        videos: [],
        submit: true,
      }),
    );
    expect(saved).toHaveBeenCalled();
  });

  it('saves a draft without sending it to review', async () => {
    const createReport = jest.fn(() => of(deptReport({ state: 'DRAFT' })));
    const { fixture, type, press } = await render({ createReport });
    type('textarea[id$="-done"]', 'Études lancées.');
    press('Enregistrer le brouillon');
    await fixture.whenStable();
    expect(createReport.mock.calls[0][1]).toEqual(expect.objectContaining({ submit: false }));
  });

  it('refuses to send an empty report or a progress above 100, and says why', async () => {
    const createReport = jest.fn();
    const { fixture, element, type, press } = await render({ createReport });
    type('input[id$="-progress"]', '140');
    press('Envoyer en relecture');
    await fixture.whenStable();
    expect(createReport).not.toHaveBeenCalled();
    const summary = element.querySelector('pas-error-summary')?.textContent ?? '';
    expect(summary).toContain('Saisissez un nombre entre 0 et 100.');
    expect(summary).toContain('Décrivez au moins ce qui a été réalisé');
  });

  it('shows the API’s refusal of a video host under the video’s address', async () => {
    const refused = new HttpErrorResponse({
      status: 400,
      error: { code: 'VALIDATION_FAILED', message: 'Données invalides', errors: { 'videos.0.url': 'Cet hébergeur de vidéos n’est pas accepté.' } },
    });
    const createReport = jest.fn(() => throwError(() => refused));
    const { fixture, element, type, press } = await render({ createReport });
    type('textarea[id$="-done"]', 'Inauguration.');
    press('Ajouter une vidéo');
    await fixture.whenStable();
    type('input[id$="-videos-0-url"]', 'https://www.youtube.com/watch?v=abc');
    type('input[id$="-videos-0-title"]', 'L’inauguration');
    press('Envoyer en relecture');
    await fixture.whenStable();
    expect(createReport.mock.calls[0][1].videos).toEqual([
      { url: 'https://www.youtube.com/watch?v=abc', title: 'L’inauguration', thumbnailPhotoId: null },
    ]);
    expect(element.textContent).toContain('Cet hébergeur de vidéos n’est pas accepté.');
  });

  it('requires the text alternative of every photo before sending to review', async () => {
    const updateReport = jest.fn();
    TestBed.configureTestingModule({ imports: [ReportEditor], providers: [{ provide: DeptProjectsApi, useValue: { updateReport } }] });
    const fixture = TestBed.createComponent(ReportEditor);
    fixture.componentRef.setInput('project', deptProject());
    fixture.componentRef.setInput(
      'report',
      deptReport({
        state: 'DRAFT',
        photos: [
          { id: 'ph1', filename: 'chantier.jpg', alt: '', mimeType: 'image/jpeg', sizeBytes: 10, contentUrl: '', thumbnailUrl: '' },
        ],
      }),
    );
    await fixture.whenStable();
    fixture.componentInstance.save(true);
    await fixture.whenStable();
    expect(updateReport).not.toHaveBeenCalled();
    expect((fixture.nativeElement as HTMLElement).querySelector('pas-error-summary')?.textContent).toContain('Saisissez son texte alternatif.');
  });
});

describe(reportDayValidator.name, () => {
  it('refuses a day in the future or before the earliest one', () => {
    const form = createReportForm();
    form.controls.reportedOn.setValue('2999-01-01');
    expect(form.controls.reportedOn.errors?.['server']).toContain('futur');
    form.controls.reportedOn.setValue('1999-12-31');
    expect(form.controls.reportedOn.errors?.['server']).toBeDefined();
    form.controls.reportedOn.setValue(DEPT_PROJECT_LIMITS.earliestReportOn);
    expect(form.controls.reportedOn.errors).toBeNull();
  });
});
