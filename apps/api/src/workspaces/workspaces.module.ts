import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { TeamController } from './team.controller';
import { WorkspacesAdminController } from './workspaces-admin.controller';
import { WorkspacesRepository } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

@Module({
  controllers: [TeamController, WorkspacesAdminController, InvitationsController],
  providers: [WorkspacesService, InvitationsService, WorkspacesRepository, InvitationsRepository],
  exports: [InvitationsService, WorkspacesService],
})
export class WorkspacesModule {}
