import { type AbstractControl, FormArray, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import { DEPT_PROJECT_LIMITS, type DeptReportDto, type DeptReportInput, type VideoLinkDto } from '@passerelle/shared/dto';
import { todayInParis } from '@passerelle/web/shared/util-format';

/** A report is dated between `DEPT_PROJECT_LIMITS.earliestReportOn` and today (Paris). */
export function reportDayValidator(control: AbstractControl<string>): ValidationErrors | null {
  const day = control.value;
  if (!day) {
    return null;
  }
  if (day > todayInParis()) {
    return { server: 'La date ne peut pas être dans le futur.' };
  }
  if (day < DEPT_PROJECT_LIMITS.earliestReportOn) {
    return { server: 'Saisissez une date à partir du 01/01/2000.' };
  }
  return null;
}

const httpsUrl = Validators.pattern(/^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/i);

export function videoGroup(video?: Pick<VideoLinkDto, 'url' | 'title' | 'thumbnailPhotoId'>) {
  return new FormGroup({
    url: new FormControl(video?.url ?? '', { nonNullable: true, validators: [Validators.required, httpsUrl] }),
    title: new FormControl(video?.title ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(DEPT_PROJECT_LIMITS.videoTitle)],
    }),
    thumbnailPhotoId: new FormControl<string | null>(video?.thumbnailPhotoId ?? null),
  });
}

const reportText = () => new FormControl('', { nonNullable: true, validators: [Validators.maxLength(DEPT_PROJECT_LIMITS.reportText)] });

export function createReportForm(progress = 0) {
  return new FormGroup({
    reportedOn: new FormControl(todayInParis(), { nonNullable: true, validators: [Validators.required, reportDayValidator] }),
    done: reportText(),
    difficulties: reportText(),
    nextSteps: reportText(),
    progress: new FormControl(progress, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(100)],
    }),
    milestonesReached: new FormControl<string[]>([], { nonNullable: true }),
    videos: new FormArray<ReturnType<typeof videoGroup>>([], { validators: [Validators.maxLength(DEPT_PROJECT_LIMITS.videosPerReport)] }),
  });
}

export type ReportForm = ReturnType<typeof createReportForm>;

export function fillReportForm(form: ReportForm, report: DeptReportDto): void {
  form.controls.videos.clear({ emitEvent: false });
  for (const video of report.videos) {
    form.controls.videos.push(videoGroup(video), { emitEvent: false });
  }
  form.patchValue({
    reportedOn: report.reportedOn,
    done: report.done,
    difficulties: report.difficulties,
    nextSteps: report.nextSteps,
    progress: report.progress,
    milestonesReached: [...report.milestonesReached],
  });
}

/** At least one of the three texts: an empty report tells the public nothing. */
export function reportHasText(form: ReportForm): boolean {
  const { done, difficulties, nextSteps } = form.getRawValue();
  return [done, difficulties, nextSteps].some((text) => text.trim() !== '');
}

export function toReportInput(form: ReportForm): DeptReportInput {
  const value = form.getRawValue();
  return {
    reportedOn: value.reportedOn,
    done: value.done.trim(),
    difficulties: value.difficulties.trim(),
    nextSteps: value.nextSteps.trim(),
    progress: value.progress,
    milestonesReached: [...value.milestonesReached],
    videos: value.videos.map((video) => ({
      url: video.url.trim(),
      title: video.title.trim(),
      thumbnailPhotoId: video.thumbnailPhotoId || null,
    })),
  };
}
