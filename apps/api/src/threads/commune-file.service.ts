import { Injectable } from '@nestjs/common';
import type { CommuneFileDto } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { CommuneNotFoundException } from '../common/access/visible-commune';
import { mapProjectSummary } from '../projects/project.mapper';
import { mapCommuneFacts, mapMember, mapSatisfactionSummary, mapTimelineEvent } from './commune-file.mapper';
import { CommuneFileRepository } from './commune-file.repository';
import { ThreadQueueService } from './thread-queue.service';
import { ThreadsException } from './threads.exception';

const LIMIT = 100;

/**
 * The commune's file, for the agents: its facts, people, projects, questions, how satisfied it was, and one
 * timeline of every interaction (questions, answers, internal notes, state changes, projects).
 */
@Injectable()
export class CommuneFileService {
  constructor(
    private readonly repository: CommuneFileRepository,
    private readonly threads: ThreadQueueService,
  ) {}

  async file(user: AuthUser, insee: string): Promise<CommuneFileDto> {
    if (!isStaff(user)) {
      throw new ThreadsException('STAFF_ONLY');
    }
    const commune = await this.repository.facts(insee, user.departementCode);
    if (!commune) {
      throw new CommuneNotFoundException();
    }
    const [members, projects, threadIds, satisfaction, latest, timeline] = await Promise.all([
      this.repository.members(insee),
      this.repository.projects(insee, LIMIT),
      this.repository.threadIds(insee, LIMIT),
      this.repository.satisfaction(insee),
      this.repository.latestSatisfactions(insee),
      this.repository.timeline(insee, LIMIT),
    ]);
    return {
      commune: mapCommuneFacts(commune),
      members: members.map(mapMember),
      projects: projects.map((p) => mapProjectSummary(p)),
      threads: await this.threads.summaries(user, threadIds),
      satisfaction: mapSatisfactionSummary(satisfaction, latest),
      timeline: timeline.map(mapTimelineEvent),
    };
  }
}
