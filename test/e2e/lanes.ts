// The browser stories run in two lanes at once against the one seeded server (scripts/test.ts):
// on two cores a story mostly waits on the server or the browser, so two lanes finish the suite
// in about two thirds of the time. Inside a lane files run one after another, as before.
//
// Stories that count things another story changes stay in one lane: the committee reviewer's
// to-review count (alliances, workbench, phone-and-roles), and 红山区's branches, honours and
// reward rounds, whose hand-calculated allocations any concurrent designation would move
// (assessment, honours, the county and city reward rounds, the big screen's figures); and
// 红山区's unread filings, which the alliance story adds to while the document story counts them.
// test/repo/e2e-lanes.test.ts fails when a story is in no lane or in both.
export const E2E_LANES: readonly (readonly string[])[] = [
  [
    'test/e2e/alliances.test.ts',
    'test/e2e/workbench.test.ts',
    'test/e2e/phone-and-roles.test.ts',
    'test/e2e/every-page-readable.test.ts',
    'test/e2e/assessment-four-ratings.test.ts',
    'test/e2e/honours-and-funds.test.ts',
    'test/e2e/reward-round.test.ts',
    'test/e2e/city-reward-round.test.ts',
    'test/e2e/big-screen.test.ts',
    'test/e2e/city-filings.test.ts',
    'test/e2e/document-original.test.ts',
  ],
  [
    'test/e2e/projects.test.ts',
    'test/e2e/matching.test.ts',
    'test/e2e/resident-example.test.ts',
    'test/e2e/accounts-and-keys.test.ts',
    'test/e2e/api-keys.test.ts',
    'test/e2e/county-admin.test.ts',
    'test/e2e/posts-and-service.test.ts',
    'test/e2e/pairing.test.ts',
    'test/e2e/activity-checkin.test.ts',
    'test/e2e/activity-photos.test.ts',
    'test/e2e/org-life-and-meetings.test.ts',
    'test/e2e/city-and-roles.test.ts',
    'test/e2e/auth.test.ts',
    // 翁牛特旗's webhooks, which no other story touches: here because this lane finished ~100 s sooner.
    'test/e2e/webhooks.test.ts',
    'test/e2e/ui-first-load-size.test.ts',
  ],
];
