import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { projectPageHtml } from './project-page-meta';
import { PublicPortalException } from './public-portal.exception';
import { PublicProjectsService } from './public-projects.service';

/**
 * `GET /projets/:slug`: a published project's page carries its own title, description and Open Graph tags in the
 * served `index.html` (crawlers run no script); an unknown or withdrawn one answers 404 with the plain app, which
 * shows its "not published" page. Registered beside the front end's static files, outside `/api`.
 */
export function registerProjectPages(app: NestFastifyApplication, indexHtml: string, publicUrl: string): void {
  const projects = app.get(PublicProjectsService);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get<{ Params: { slug: string } }>('/projets/:slug', async (request, reply) => {
    void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    try {
      return projectPageHtml(indexHtml, await projects.get(request.params.slug), publicUrl);
    } catch (error) {
      if (error instanceof PublicPortalException) {
        return reply.code(404).send(indexHtml);
      }
      throw error;
    }
  });
}
