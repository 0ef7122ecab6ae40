import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({ imports: [WorkspacesModule], controllers: [StaffController], providers: [StaffService, StaffRepository] })
export class StaffModule {}
