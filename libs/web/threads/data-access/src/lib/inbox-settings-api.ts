import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AnswerTemplateDto,
  AnswerTemplateInput,
  DepartementSettingsDto,
  LabelDto,
  LabelInput,
  RoutingRuleDto,
  RoutingRuleInput,
  UpdateDepartementSettingsInput,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** What the département sets up for its inbox: labels, routing rules, answer templates, first-response target. */
@Injectable({ providedIn: 'root' })
export class InboxSettingsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  getSettings(code: string): Observable<DepartementSettingsDto> {
    return this.http.get<DepartementSettingsDto>(`${this.url(code)}/settings`);
  }

  /** Admins only. */
  updateSettings(code: string, input: UpdateDepartementSettingsInput): Observable<DepartementSettingsDto> {
    return this.http.patch<DepartementSettingsDto>(`${this.url(code)}/settings`, input);
  }

  listLabels(code: string): Observable<LabelDto[]> {
    return this.http.get<LabelDto[]>(`${this.url(code)}/labels`);
  }

  /** Admins only, like the other label writes. */
  createLabel(code: string, input: LabelInput): Observable<LabelDto> {
    return this.http.post<LabelDto>(`${this.url(code)}/labels`, input);
  }

  updateLabel(code: string, id: string, input: LabelInput): Observable<LabelDto> {
    return this.http.patch<LabelDto>(`${this.url(code)}/labels/${encodeURIComponent(id)}`, input);
  }

  deleteLabel(code: string, id: string): Observable<void> {
    return this.http.delete<void>(`${this.url(code)}/labels/${encodeURIComponent(id)}`);
  }

  listRoutingRules(code: string): Observable<RoutingRuleDto[]> {
    return this.http.get<RoutingRuleDto[]>(`${this.url(code)}/routing-rules`);
  }

  /** Admins only. */
  createRoutingRule(code: string, input: RoutingRuleInput): Observable<RoutingRuleDto> {
    return this.http.post<RoutingRuleDto>(`${this.url(code)}/routing-rules`, input);
  }

  deleteRoutingRule(code: string, id: string): Observable<void> {
    return this.http.delete<void>(`${this.url(code)}/routing-rules/${encodeURIComponent(id)}`);
  }

  /** Agents and admins read and write the templates. */
  listTemplates(code: string): Observable<AnswerTemplateDto[]> {
    return this.http.get<AnswerTemplateDto[]>(`${this.url(code)}/answer-templates`);
  }

  createTemplate(code: string, input: AnswerTemplateInput): Observable<AnswerTemplateDto> {
    return this.http.post<AnswerTemplateDto>(`${this.url(code)}/answer-templates`, input);
  }

  updateTemplate(code: string, id: string, input: AnswerTemplateInput): Observable<AnswerTemplateDto> {
    return this.http.patch<AnswerTemplateDto>(`${this.url(code)}/answer-templates/${encodeURIComponent(id)}`, input);
  }

  deleteTemplate(code: string, id: string): Observable<void> {
    return this.http.delete<void>(`${this.url(code)}/answer-templates/${encodeURIComponent(id)}`);
  }

  private url(code: string): string {
    return `${this.baseUrl}/departements/${encodeURIComponent(code)}`;
  }
}
