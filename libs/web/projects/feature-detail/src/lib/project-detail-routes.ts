import type { Route } from '@angular/router';
import { provideDocumentUploads } from '@passerelle/web/projects/data-access';
import { ProjectDetailPage } from './project-detail-page';

/**
 * The project page with what it needs to upload, loaded as children so that the upload client stays in this lazy
 * chunk. The `:id` and the area come from the parent route (inherited by this empty path).
 */
export const projectDetailRoutes: Route[] = [
  { path: '', component: ProjectDetailPage, providers: [provideDocumentUploads()] },
];
