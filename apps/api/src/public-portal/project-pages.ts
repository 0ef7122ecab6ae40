import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { deptProjectPageHtml, projectPageHtml } from './project-page-meta';
import { PublicDeptProjectsService } from './public-dept-projects.service';
import { PublicPortalException } from './public-portal.exception';
import { PublicProjectsService } from './public-projects.service';

/**
 * `GET /projets/:slug` and `GET /projets-du-departement/:slug`: a public project's page carries its own title,
 * description and Open Graph tags in the served `index.html` (crawlers run no script); an unknown or withdrawn one
 * answers 404 with the plain app, which shows its "not published" page. Registered beside the front end's static
 * files, outside `/api`.
 */
export function registerProjectPages(app: NestFastifyApplication, indexHtml: string, publicUrl: string): void {
  const projects = app.get(PublicProjectsService);
  const deptProjects = app.get(PublicDeptProjectsService);
  const fastify = app.getHttpAdapter().getInstance();
  const page = (path: string, html: (slug: string) => Promise<string>) =>
    fastify.get<{ Params: { slug: string } }>(path, async (request, reply) => {
      void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      try {
        return await html(request.params.slug);
      } catch (error) {
        if (error instanceof PublicPortalException) {
          return reply.code(404).send(indexHtml);
        }
        throw error;
      }
    });
  page('/projets/:slug', async (slug) => projectPageHtml(indexHtml, await projects.get(slug), publicUrl));
  page('/projets-du-departement/:slug', async (slug) => deptProjectPageHtml(indexHtml, await deptProjects.get(slug), publicUrl));
}
