import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({ imports: [WorkspacesModule], controllers: [StaffController], providers: [StaffService] })
export class StaffModule {}
