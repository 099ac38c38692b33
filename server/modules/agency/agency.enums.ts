import { registerEnumType } from 'type-graphql';

export enum AgencyKind {
  PARTY_BODY = 'PARTY_BODY',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  GOVERNMENT = 'GOVERNMENT',
  POLICE = 'POLICE',
  PROCURACY = 'PROCURACY',
  COURT = 'COURT',
  JUDGMENT_ENFORCEMENT = 'JUDGMENT_ENFORCEMENT',
  DEPARTMENT = 'DEPARTMENT',
  OFFICE = 'OFFICE',
  MILITARY = 'MILITARY',
  MASS_ORGANISATION = 'MASS_ORGANISATION',
  MEDIA = 'MEDIA',
  STEERING_COMMITTEE = 'STEERING_COMMITTEE',
  OTHER = 'OTHER',
}

export enum AgencyLevel {
  CENTRAL = 'CENTRAL',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

registerEnumType(AgencyKind, { name: 'AgencyKind', description: 'What sort of body an agency is' });
registerEnumType(AgencyLevel, { name: 'AgencyLevel', description: 'Administrative level of an agency' });
