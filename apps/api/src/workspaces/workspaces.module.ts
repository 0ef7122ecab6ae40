import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { TeamController } from './team.controller';
import { WorkspacesAdminController } from './workspaces-admin.controller';
import { WorkspacesService } from './workspaces.service';

@Module({
  controllers: [TeamController, WorkspacesAdminController, InvitationsController],
  providers: [WorkspacesService, InvitationsService],
  exports: [InvitationsService, WorkspacesService],
})
export class WorkspacesModule {}
