import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateDeptProjectRequest,
  CreateDeptReportRequest,
  DeptPhotoDto,
  DeptPhotoUpdateRequest,
  DeptProjectDto,
  DeptProjectListQuery,
  DeptProjectSummaryDto,
  DeptReportDto,
  DeptReportQueueItemDto,
  DeptReportReviewRequest,
  Page,
  ProgrammeAxisDto,
  ProgrammeAxisInput,
  UpdateDeptProjectRequest,
  UpdateDeptReportRequest,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { map, type Observable } from 'rxjs';

/** A list answered either as a bare array or as a `Page`: the pages only need its items. */
export function itemsOf<T>(answer: readonly T[] | Page<T>): T[] {
  return Array.isArray(answer) ? [...answer] : [...(answer as Page<T>).items];
}

/**
 * The département's own projects for its staff (« Projets du Département »): programme axes, fiches, progress
 * reports and their photos, the reports' review queue. Not the communes' projects (`ProjectsApi`).
 */
@Injectable({ providedIn: 'root' })
export class DeptProjectsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  // --- Axes ---

  listAxes(departementCode: string): Observable<ProgrammeAxisDto[]> {
    return this.http
      .get<ProgrammeAxisDto[] | Page<ProgrammeAxisDto>>(`${this.departementUrl(departementCode)}/axes`)
      .pipe(map((answer) => itemsOf(answer).sort((a, b) => a.position - b.position)));
  }

  createAxis(departementCode: string, input: ProgrammeAxisInput): Observable<ProgrammeAxisDto> {
    return this.http.post<ProgrammeAxisDto>(`${this.departementUrl(departementCode)}/axes`, input);
  }

  updateAxis(id: string, input: Partial<ProgrammeAxisInput>): Observable<ProgrammeAxisDto> {
    return this.http.patch<ProgrammeAxisDto>(`${this.baseUrl}/axes/${encodeURIComponent(id)}`, input);
  }

  deleteAxis(id: string): Observable<void> {
    return this.http.delete<void>(`${this.baseUrl}/axes/${encodeURIComponent(id)}`);
  }

  // --- Projects ---

  listProjects(departementCode: string, query: DeptProjectListQuery = {}): Observable<Page<DeptProjectSummaryDto>> {
    return this.http.get<Page<DeptProjectSummaryDto>>(`${this.departementUrl(departementCode)}/projects`, {
      params: deptProjectListParams(query),
    });
  }

  createProject(departementCode: string, request: CreateDeptProjectRequest): Observable<DeptProjectDto> {
    return this.http.post<DeptProjectDto>(`${this.departementUrl(departementCode)}/projects`, request);
  }

  getProject(id: string): Observable<DeptProjectDto> {
    return this.http.get<DeptProjectDto>(this.projectUrl(id));
  }

  /** Answers 409 `DEPT_PROJECT_VERSION_CONFLICT` when someone saved the fiche since `request.version`. */
  updateProject(id: string, request: UpdateDeptProjectRequest): Observable<DeptProjectDto> {
    return this.http.patch<DeptProjectDto>(this.projectUrl(id), request);
  }

  deleteProject(id: string): Observable<void> {
    return this.http.delete<void>(this.projectUrl(id));
  }

  // --- Reports ---

  /** The project's reports, newest first. */
  listReports(projectId: string): Observable<DeptReportDto[]> {
    return this.http
      .get<DeptReportDto[] | Page<DeptReportDto>>(`${this.projectUrl(projectId)}/reports`, {
        params: new HttpParams().set('limit', 100),
      })
      .pipe(map((answer) => itemsOf(answer)));
  }

  createReport(projectId: string, request: CreateDeptReportRequest): Observable<DeptReportDto> {
    return this.http.post<DeptReportDto>(`${this.projectUrl(projectId)}/reports`, request);
  }

  updateReport(id: string, request: UpdateDeptReportRequest): Observable<DeptReportDto> {
    return this.http.patch<DeptReportDto>(this.reportUrl(id), request);
  }

  deleteReport(id: string): Observable<void> {
    return this.http.delete<void>(this.reportUrl(id));
  }

  reviewReport(id: string, request: DeptReportReviewRequest): Observable<DeptReportDto> {
    return this.http.post<DeptReportDto>(`${this.reportUrl(id)}/review`, request);
  }

  /** Reports waiting for a review, oldest first (the review queue's second section). */
  queue(limit = 100): Observable<Page<DeptReportQueueItemDto>> {
    return this.http
      .get<DeptReportQueueItemDto[] | Page<DeptReportQueueItemDto>>(`${this.baseUrl}/dept-reports/queue`, {
        params: new HttpParams().set('limit', limit),
      })
      .pipe(
        map((answer) =>
          Array.isArray(answer) ? { items: [...answer], total: answer.length, limit, offset: 0 } : (answer as Page<DeptReportQueueItemDto>),
        ),
      );
  }

  // --- Photos ---

  /** Multipart, field `file`; with the upload's progress events. */
  uploadPhoto(reportId: string, file: File): Observable<HttpEvent<DeptPhotoDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<DeptPhotoDto>(`${this.reportUrl(reportId)}/photos`, body, {
      observe: 'events',
      reportProgress: true,
    });
  }

  updatePhoto(id: string, request: DeptPhotoUpdateRequest): Observable<DeptPhotoDto> {
    return this.http.patch<DeptPhotoDto>(this.photoUrl(id), request);
  }

  deletePhoto(id: string): Observable<void> {
    return this.http.delete<void>(this.photoUrl(id));
  }

  private departementUrl(code: string): string {
    return `${this.baseUrl}/departements/${encodeURIComponent(code)}`;
  }

  private projectUrl(id: string): string {
    return `${this.baseUrl}/dept-projects/${encodeURIComponent(id)}`;
  }

  private reportUrl(id: string): string {
    return `${this.baseUrl}/dept-reports/${encodeURIComponent(id)}`;
  }

  private photoUrl(id: string): string {
    return `${this.baseUrl}/dept-photos/${encodeURIComponent(id)}`;
  }
}

/** Leaves out unset filters so that the API applies its defaults; a blank search is no search. */
export function deptProjectListParams(query: DeptProjectListQuery): HttpParams {
  let params = new HttpParams();
  const q = query.q?.trim();
  if (q) {
    params = params.set('q', q);
  }
  for (const key of ['status', 'theme', 'axis', 'canton', 'lead'] as const) {
    const value = query[key];
    if (value) {
      params = params.set(key, value);
    }
  }
  if (query.limit != null) {
    params = params.set('limit', query.limit);
  }
  if (query.offset != null) {
    params = params.set('offset', query.offset);
  }
  return params;
}
