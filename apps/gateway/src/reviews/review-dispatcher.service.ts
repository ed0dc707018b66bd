import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Cron } from 'croner';
import { cityKey } from '#contracts';
import type { Transporter } from 'nodemailer';
import { CityRegistry } from '../cluster/city-registry.service.js';
import type { ReviewConfig } from '../config/review-config.js';
import { REVIEW_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { DEALER_TIME_ZONE, calendarDayIn, isFrenchPublicHoliday } from '#domain/model';
import { nextWorkingTime } from './working-day.js';
import { ReviewBuilder } from './review-builder.service.js';
import { title } from './review-pdf.js';
import { monthJustClosed, recipientsOf, type Recipient } from './review-recipients.js';
import { SentLog } from './sent-log.service.js';

/** What became of one recipient's review. */
export interface Delivery extends Recipient {
  readonly status: 'sent' | 'already-sent' | 'failed';
  readonly error?: string;
}

const MAX_ATTEMPTS = 8;
const MAX_RETRY_MS = 3_600_000;

/**
 * Sends the review of the month just closed on REVIEW_SCHEDULE: to every recipient that has not
 * had it (SentLog), retrying the failed ones with a back-off. At start, a review due this month
 * (a scheduled time already past) and not yet sent goes out: a gateway down at 08:00 sends it
 * when it is back, and one restarted after sending sends nothing.
 */
@Injectable()
export class ReviewDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReviewDispatcher.name);
  private job: Cron | undefined;
  private transport: Transporter | undefined;
  private retry: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(REVIEW_CONFIG) private readonly config: ReviewConfig,
    private readonly builder: ReviewBuilder,
    private readonly sent: SentLog,
    private readonly registry: CityRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { smtpUrl, schedule } = this.config;
    if (smtpUrl === undefined) {
      this.logger.log('SMTP_URL is not set: the monthly review is not e-mailed');
      return;
    }
    // Loaded only where reviews are sent (its import took 58 ms).
    const { createTransport } = await import('nodemailer');
    this.transport = createTransport(smtpUrl);
    this.job = new Cron(schedule, { timezone: DEALER_TIME_ZONE, protect: true }, () => {
      this.scheduled();
    });
    const now = new Date();
    const last = this.job.previousRuns(1, now)[0];
    if (last !== undefined && monthJustClosed(last) === monthJustClosed(now)) this.scheduled();
    this.logger.log(
      `monthly review: ${schedule} (${DEALER_TIME_ZONE}), next ${this.job.nextRun()?.toISOString() ?? 'never'}`,
    );
  }

  onModuleDestroy(): void {
    this.job?.stop();
    clearTimeout(this.retry);
    this.transport?.close();
  }

  /** Sends the month's review to every recipient that has not had it (or to all, `resend`). */
  send(month: string, resend = false): Promise<Delivery[]> {
    const transport = this.transport;
    if (transport === undefined) {
      throw new GatewayError(
        409,
        GatewayErrorCode.ReviewsNotConfigured,
        'no review can be sent: SMTP_URL is not set (README, "Monthly review by e-mail")',
      );
    }
    const next = this.queue.then(() => this.deliver(transport, month, resend));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The schedule's time has come: the review of the month just closed goes out now, or, on a
   * French public holiday (REVIEW_HOLIDAYS=fr), at the same time on the next working day.
   */
  private scheduled(): void {
    const now = new Date();
    const month = monthJustClosed(now);
    const day = calendarDayIn(now, DEALER_TIME_ZONE);
    if (this.config.holidays === 'none' || !isFrenchPublicHoliday(day)) {
      this.due(1, month);
      return;
    }
    const later = nextWorkingTime(now);
    this.logger.log(
      `${day} is a public holiday: the review of ${month} goes out on ${later.toISOString()}`,
    );
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.due(1, month);
    }, later.getTime() - now.getTime());
    this.retry.unref();
  }

  /** The scheduled send (attempt 1) or a retry of it. */
  private due(attempt: number, month: string): void {
    clearTimeout(this.retry);
    void this.send(month).then(
      (deliveries) => {
        this.after(month, attempt, deliveries.filter((d) => d.status === 'failed').length);
      },
      (error: unknown) => {
        this.after(month, attempt, 1, error instanceof Error ? error.message : String(error));
      },
    );
  }

  private after(month: string, attempt: number, failed: number, reason?: string): void {
    if (failed === 0) return;
    if (attempt >= MAX_ATTEMPTS) {
      this.logger.error(
        `the review of ${month} is still not sent to ${failed} recipient(s) after ${attempt} attempts: giving up until the next schedule or POST /reviews/send?month=${month}`,
      );
      return;
    }
    const delay = Math.min(this.config.retryMs * 2 ** (attempt - 1), MAX_RETRY_MS);
    this.logger.warn(
      `the review of ${month}: ${failed} recipient(s) not reached${reason === undefined ? '' : ` (${reason})`}; attempt ${attempt + 1} in ${Math.round(delay / 1000)} s`,
    );
    this.retry = setTimeout(() => {
      this.due(attempt + 1, month);
    }, delay);
    this.retry.unref();
  }

  private async deliver(
    transport: Transporter,
    month: string,
    resend: boolean,
  ): Promise<Delivery[]> {
    const recipients = recipientsOf(this.config, this.registry.cities);
    const rendered = new Map<string, Promise<{ title: string; pdf: Buffer }>>();
    const render = (scope: string): Promise<{ title: string; pdf: Buffer }> => {
      let review = rendered.get(scope);
      if (review === undefined) {
        review = this.builder
          .pdf(month, scope)
          .then(({ content, pdf }) => ({ title: title(content), pdf }));
        rendered.set(scope, review);
      }
      return review;
    };
    const deliveries: Delivery[] = [];
    for (const recipient of recipients) {
      if (!resend && this.sent.has(month, recipient.scope, recipient.to)) {
        deliveries.push({ ...recipient, status: 'already-sent' });
        continue;
      }
      try {
        const { title: subject, pdf } = await render(recipient.scope);
        const info = (await transport.sendMail({
          from: this.config.from,
          to: recipient.to,
          subject,
          text: `Bonjour,\n\nVous trouverez ci-joint « ${subject} ».\n\nAutoConnect Analytics`,
          attachments: [
            {
              filename: `revue-${month}-${cityKey(recipient.scope)}.pdf`,
              content: pdf,
              contentType: 'application/pdf',
            },
          ],
        })) as { messageId: string };
        await this.sent.record({
          month,
          ...recipient,
          at: new Date().toISOString(),
          messageId: info.messageId,
        });
        this.logger.log(`review ${month} (${recipient.scope}) sent to ${recipient.to}`);
        deliveries.push({ ...recipient, status: 'sent' });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          `review ${month} (${recipient.scope}) not sent to ${recipient.to}: ${reason}`,
        );
        deliveries.push({ ...recipient, status: 'failed', error: reason });
      }
    }
    return deliveries;
  }
}
