import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  type CreateDeptReportRequest,
  DEPT_PROJECT_LIMITS,
  type DeptPhotoUpdateRequest,
  type DeptReportInput,
  type DeptReportReviewRequest,
  PROJECT_LIMITS,
  type UpdateDeptReportRequest,
} from '@passerelle/shared/dto';
import { trimmed } from '../../common/http/trim';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const PROGRESS = 'L’avancement est un nombre entier entre 0 et 100.';
const TEXT = `${DEPT_PROJECT_LIMITS.reportText} caractères au plus.`;

export class VideoLinkInput {
  /** Checked by the service against PeerTube addresses and `VIDEO_HOSTS`. */
  @Transform(trimmed)
  @IsString({ message: 'Indiquez l’adresse de la vidéo.' })
  @Length(1, 2000, { message: 'Indiquez l’adresse de la vidéo (2000 caractères au plus).' })
  url!: string;

  @Transform(trimmed)
  @IsString({ message: 'Indiquez le titre de la vidéo.' })
  @Length(1, DEPT_PROJECT_LIMITS.videoTitle, { message: `Le titre de la vidéo : de 1 à ${DEPT_PROJECT_LIMITS.videoTitle} caractères.` })
  title!: string;

  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'La vignette doit être une photo de ce point d’avancement.' })
  thumbnailPhotoId!: string | null;
}

/** A progress report as the form sends it (« réalisé / difficultés / prochaines étapes »). */
export class DeptReportFieldsDto implements DeptReportInput {
  @ApiProperty({ example: '2026-03-31' })
  @Matches(DAY, { message: 'Date invalide : format attendu AAAA-MM-JJ.' })
  reportedOn!: string;

  @Transform(trimmed)
  @IsString({ message: 'Le réalisé doit être un texte.' })
  @MaxLength(DEPT_PROJECT_LIMITS.reportText, { message: `Le réalisé : ${TEXT}` })
  done!: string;

  @Transform(trimmed)
  @IsString({ message: 'Les difficultés doivent être un texte.' })
  @MaxLength(DEPT_PROJECT_LIMITS.reportText, { message: `Les difficultés : ${TEXT}` })
  difficulties!: string;

  @Transform(trimmed)
  @IsString({ message: 'Les prochaines étapes doivent être un texte.' })
  @MaxLength(DEPT_PROJECT_LIMITS.reportText, { message: `Les prochaines étapes : ${TEXT}` })
  nextSteps!: string;

  @IsInt({ message: PROGRESS })
  @Min(0, { message: PROGRESS })
  @Max(100, { message: PROGRESS })
  progress!: number;

  @IsArray({ message: 'milestonesReached doit être une liste.' })
  @ArrayMaxSize(PROJECT_LIMITS.milestones, { message: `${PROJECT_LIMITS.milestones} étapes au plus.` })
  @IsString({ each: true, message: 'Chaque étape atteinte est le titre d’une étape du projet.' })
  @Length(1, PROJECT_LIMITS.shortText, { each: true, message: 'Chaque étape atteinte est le titre d’une étape du projet.' })
  milestonesReached!: string[];

  @IsArray({ message: 'videos doit être une liste.' })
  @ArrayMaxSize(DEPT_PROJECT_LIMITS.videosPerReport, { message: `${DEPT_PROJECT_LIMITS.videosPerReport} vidéos au plus.` })
  @ValidateNested({ each: true })
  @Type(() => VideoLinkInput)
  videos!: VideoLinkInput[];
}

export class CreateDeptReportDto extends DeptReportFieldsDto implements CreateDeptReportRequest {
  @ApiPropertyOptional({ description: '`true` : envoyé à la relecture tout de suite.' })
  @IsOptional()
  @IsBoolean({ message: 'submit doit valoir true ou false.' })
  submit?: boolean;
}

export class UpdateDeptReportDto extends PartialType(DeptReportFieldsDto) implements UpdateDeptReportRequest {
  @ApiProperty({ description: 'La version du point d’avancement sur laquelle la modification a été faite.' })
  @IsInt({ message: 'version est obligatoire : rechargez la page.' })
  @Min(1, { message: 'version est obligatoire : rechargez la page.' })
  version!: number;

  @ApiPropertyOptional({ description: '`true` : envoyé à la relecture.' })
  @IsOptional()
  @IsBoolean({ message: 'submit doit valoir true ou false.' })
  submit?: boolean;
}

export class DeptReportReviewDto implements DeptReportReviewRequest {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'action doit valoir approve ou reject.' })
  action!: 'approve' | 'reject';

  @ApiPropertyOptional({ nullable: true, description: 'Obligatoire pour refuser.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trimmed)
  @IsString({ message: 'Le motif doit être un texte.' })
  @MaxLength(2000, { message: 'Le motif : 2000 caractères au plus.' })
  reason?: string | null;

  @ApiProperty({ description: 'La version du point d’avancement relue.' })
  @IsInt({ message: 'version est obligatoire : rechargez la page.' })
  @Min(1, { message: 'version est obligatoire : rechargez la page.' })
  version!: number;
}

export class DeptPhotoUpdateDto implements DeptPhotoUpdateRequest {
  @ApiProperty({ maxLength: DEPT_PROJECT_LIMITS.photoAlt })
  @Transform(trimmed)
  @IsString({ message: 'Le texte alternatif doit être un texte.' })
  @MaxLength(DEPT_PROJECT_LIMITS.photoAlt, { message: `Le texte alternatif : ${DEPT_PROJECT_LIMITS.photoAlt} caractères au plus.` })
  alt!: string;
}
