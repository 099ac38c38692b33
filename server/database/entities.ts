import { ApiToken, User } from '../modules/account/account.entity';
import { Agency } from '../modules/agency/agency.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Clause } from '../modules/clause/clause.entity';
import { Document, DocumentRelation } from '../modules/document/document.entity';
import { Report, ReportAttachment, ReportTransition } from '../modules/report/report.entity';
import { Assignment, Task } from '../modules/task/task.entity';
import { RecordEntity } from './record.entity';

export const ENTITIES = [
  RecordEntity,
  Agency,
  Document,
  DocumentRelation,
  Clause,
  Task,
  Assignment,
  Report,
  ReportTransition,
  ReportAttachment,
  AuditEvent,
  User,
  ApiToken,
];
