import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../common/http/uuid';
import { USER_SELECT, type UserRecord } from './user-record';

/** Reads of app_user shared by the features (sign-in, account, teams). */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byId(id: string, manager: EntityManager = this.db.manager): Promise<UserRecord | null> {
    if (!isUuid(id)) {
      return null;
    }
    const [row] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
    return row ?? null;
  }

  async activeByEmail(email: string): Promise<UserRecord | null> {
    const [row] = await this.db.query(`${USER_SELECT} WHERE u.email = $1 AND u.state = 'ACTIVE'`, [normalizeEmail(email)]);
    return row ?? null;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
