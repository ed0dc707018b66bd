import { Injectable } from '@nestjs/common';
import type { ReportData } from '#domain/report';
import { INTERNAL_ACCESS, type Access } from '../auth/access.js';
import { ReportsService } from '../reports/reports.service.js';
import {
  COMPANY_NAME,
  COMPANY_SCOPE,
  reviewContent,
  type ReviewContent,
} from './review-content.js';
import { renderReviewPdf } from './review-pdf.js';

/** The review of a month for the company or a city, from the reports' own figures. */
@Injectable()
export class ReviewBuilder {
  constructor(private readonly reports: ReportsService) {}

  /** `scope`: `company` (every city the caller reads) or a city. */
  async content(
    month: string,
    scope: string,
    access: Access = INTERNAL_ACCESS,
  ): Promise<ReviewContent> {
    const envelope = await this.reports.report(
      access,
      undefined,
      { from: month, to: month, ...(scope === COMPANY_SCOPE ? {} : { city: scope }) },
      false,
    );
    const resolved = scope === COMPANY_SCOPE ? scope : (envelope.cities[0] ?? scope);
    const companyName = access.seesEveryCity
      ? COMPANY_NAME
      : `Vos villes : ${envelope.cities.join(', ')}`;
    return reviewContent(month, resolved, envelope.data as ReportData, companyName);
  }

  async pdf(
    month: string,
    scope: string,
    access?: Access,
  ): Promise<{ content: ReviewContent; pdf: Buffer }> {
    const content = await this.content(month, scope, access);
    return { content, pdf: await renderReviewPdf(content, new Date()) };
  }
}
