/** What `GET /events` announces; a dashboard refreshes on each. */
export type LiveEvent =
  | {
      /** Rows were stored: by an import or a transaction through this gateway, or seen in a count. */
      readonly type: 'data';
      readonly cities: readonly string[];
      /** Rows newly stored, when known (null: a change seen in a city's count). */
      readonly accepted: number | null;
    }
  | {
      readonly type: 'city';
      readonly city: string;
      readonly status: 'up' | 'down';
    };
