import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { DeptProjectDto, DeptReportDto } from '@passerelle/shared/dto';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { DocumentsApi } from '@passerelle/web/projects/data-access';
import { of } from 'rxjs';
import { DeptProjectPage, reviewActions } from './dept-project-page';
import { deptProject, deptReport } from './testing-fixtures';

describe(DeptProjectPage.name, () => {
  async function render(project: DeptProjectDto, reports: DeptReportDto[], api: Record<string, jest.Mock> = {}) {
    const dialog = { open: jest.fn(() => ({ afterClosed: () => of(true) })) };
    TestBed.configureTestingModule({
      imports: [DeptProjectPage],
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        { provide: DeptProjectsApi, useValue: { getProject: () => of(project), listReports: () => of(reports), ...api } },
        { provide: DocumentsApi, useValue: { getBlob: () => of(new Blob()) } },
        { provide: MatDialog, useValue: dialog },
      ],
    });
    const fixture = TestBed.createComponent(DeptProjectPage);
    fixture.componentRef.setInput('id', project.id);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const buttons = (root: ParentNode = element) => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());
    return { fixture, element, buttons, dialog };
  }

  it('offers « Approuver et publier » and « Refuser » on a waiting report the user may review', async () => {
    const { element, buttons } = await render(deptProject(), [deptReport()]);
    const report = element.querySelector('#rapport-r1');
    expect(report?.textContent).toContain('En attente de relecture');
    expect(buttons(report as HTMLElement)).toEqual(expect.arrayContaining(['Approuver et publier', 'Refuser']));
  });

  it('never offers the review to the report’s author (can.approve false)', async () => {
    const own = deptReport({ can: { edit: true, submit: false, approve: false, reject: false, delete: true } });
    const { element, buttons } = await render(deptProject(), [own]);
    const shown = buttons(element.querySelector('#rapport-r1') as HTMLElement);
    expect(shown).not.toContain('Approuver et publier');
    expect(shown).not.toContain('Refuser');
    expect(shown).toContain('Modifier');
  });

  it('requires a reason to refuse, then sends it with the version', async () => {
    const reviewReport = jest.fn(() => of(deptReport({ state: 'REJECTED', rejectionReason: 'Photo floue' })));
    const { fixture, element } = await render(deptProject(), [deptReport()], { reviewReport });
    const click = (label: string) =>
      [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label)?.click();
    click('Refuser');
    await fixture.whenStable();
    click('Confirmer le refus');
    await fixture.whenStable();
    expect(reviewReport).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Saisissez le motif du refus');
    const reason = element.querySelector<HTMLTextAreaElement>('#reason-r1');
    if (!reason) {
      throw new Error('no reason field');
    }
    reason.value = 'Photo floue';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    click('Confirmer le refus');
    await fixture.whenStable();
    expect(reviewReport).toHaveBeenCalledWith('r1', { action: 'reject', reason: 'Photo floue', version: 1 });
    expect(element.querySelector('#rapport-r1')?.textContent).toContain('À reprendre');
  });

  it('links to the public page once published, shows the consultations, and lets an admin delete the project', async () => {
    const deleteProject = jest.fn(() => of(undefined));
    const project = deptProject({
      slug: 'piste-cyclable',
      publishedAt: '2026-02-11T10:00:00Z',
      views: { total: 12, last30Days: 5, daily: [{ day: '2026-02-11', count: 5 }] },
      permissions: { edit: true, delete: true, report: true, setLead: true },
    });
    const { fixture, element, dialog } = await render(project, [], { deleteProject });
    expect(element.querySelector('a[href="/projets-du-departement/piste-cyclable"]')?.textContent).toContain('Voir la page publique');
    expect(element.querySelector('pas-publication-views-chart')).not.toBeNull();
    [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Supprimer le projet')?.click();
    await fixture.whenStable();
    expect(dialog.open).toHaveBeenCalled();
    expect(deleteProject).toHaveBeenCalledWith('d1');
  });

  it('hides the public link, the chart and the deletion when not published and not allowed', async () => {
    const { element, buttons } = await render(deptProject(), []);
    expect(element.textContent).not.toContain('Voir la page publique');
    expect(element.querySelector('pas-publication-views-chart')).toBeNull();
    expect(buttons()).not.toContain('Supprimer le projet');
    expect(buttons()).toContain('Nouveau point d’avancement');
  });
});

describe(reviewActions.name, () => {
  it('shows the review only on a waiting report, as `can` allows', () => {
    expect(reviewActions(deptReport())).toEqual({ approve: true, reject: true });
    expect(reviewActions(deptReport({ state: 'DRAFT' }))).toEqual({ approve: false, reject: false });
    expect(reviewActions(deptReport({ can: { edit: false, submit: false, approve: false, reject: false, delete: false } }))).toEqual({
      approve: false,
      reject: false,
    });
  });
});
