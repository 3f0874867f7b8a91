import type { Action } from '@ronghe/identity';

/**
 * Which matrix action authorizes each operation of the API, written by hand
 * from README.md (what each demo account does) and the role table beside it —
 * not read from the OpenAPI document. `operation-actions.test.ts` compares it
 * with the served document's `x-action`, in both directions; the role-matrix
 * suite (`test/api/role-matrix.test.ts`) takes its expectation from this map
 * and `ROLE_ACTIONS`.
 *
 * Keys are `METHOD path` exactly as the OpenAPI document names them. Values
 * outside the role table: `public` (no sign-in), `session` (any staff
 * session), `public.*` (an API key of the tenant).
 */
export const OPERATION_ACTIONS: Record<string, Action | 'public' | 'session' | `public.${string}`> = {
  // Outside the tenants: login needs nothing; the rest only a staff session (README Quick start).
  'POST /api/auth/login':                                            'public',
  'POST /api/auth/logout':                                           'session',
  'GET /api/me':                                                     'session',
  'POST /api/me/password':                                           'session',
  'GET /api/tenants':                                                'session',
  // 党组织管理: reading is everyone's; the template is for those who may import (the county).
  'GET /api/t/{tenant}/orgs/tree':                                   'org.read',
  'GET /api/t/{tenant}/orgs/export':                                 'org.export',
  'GET /api/t/{tenant}/orgs/import-template':                        'org.import',
  'POST /api/t/{tenant}/orgs/import':                                'org.import',
  'GET /api/t/{tenant}/orgs':                                        'org.read',
  // Writes follow the role table's org.* rows; reactivating is the undo of deactivating.
  'POST /api/t/{tenant}/orgs':                                       'org.create',
  'GET /api/t/{tenant}/orgs/{id}':                                   'org.read',
  'PATCH /api/t/{tenant}/orgs/{id}':                                 'org.update',
  'POST /api/t/{tenant}/orgs/{id}/deactivate':                       'org.deactivate',
  'POST /api/t/{tenant}/orgs/{id}/reactivate':                       'org.deactivate',
  // 审计日志, 开放接口密钥, 账号管理: reading a key or account list needs the right to manage them.
  'GET /api/t/{tenant}/audit':                                       'audit.read',
  'POST /api/t/{tenant}/api-keys':                                   'api_key.manage',
  'GET /api/t/{tenant}/api-keys':                                    'api_key.manage',
  'POST /api/t/{tenant}/api-keys/{id}/revoke':                       'api_key.manage',
  'GET /api/t/{tenant}/accounts':                                    'user.manage',
  'POST /api/t/{tenant}/accounts':                                   'user.manage',
  'PUT /api/t/{tenant}/accounts/{id}/grants':                        'user.manage',
  'POST /api/t/{tenant}/accounts/{id}/reset-password':               'user.manage',
  'POST /api/t/{tenant}/accounts/{id}/status':                       'user.manage',
  // 党建联合体: reads are alliance.read; the lead's file (edit, members, governance, documents) alliance.manage;
  // a member's own row (its liaison, seed 000 11.1.2) alliance.member_update.
  'GET /api/t/{tenant}/alliances':                                   'alliance.read',
  'POST /api/t/{tenant}/alliances':                                  'alliance.create',
  'GET /api/t/{tenant}/alliances/export':                            'alliance.read',
  'GET /api/t/{tenant}/alliances/{id}':                              'alliance.read',
  'PATCH /api/t/{tenant}/alliances/{id}':                            'alliance.manage',
  'POST /api/t/{tenant}/alliances/{id}/members':                     'alliance.manage',
  'PATCH /api/t/{tenant}/alliances/{id}/members/{memberId}':         'alliance.member_update',
  'DELETE /api/t/{tenant}/alliances/{id}/members/{memberId}':        'alliance.manage',
  'PUT /api/t/{tenant}/alliances/{id}/governance':                   'alliance.manage',
  'POST /api/t/{tenant}/alliances/{id}/documents':                   'alliance.manage',
  'GET /api/t/{tenant}/alliances/{id}/documents/{docId}':            'alliance.read',
  'PATCH /api/t/{tenant}/alliances/{id}/documents/{docId}':          'alliance.manage',
  'PUT /api/t/{tenant}/alliances/{id}/documents/{docId}/original':   'alliance.manage',
  'GET /api/t/{tenant}/alliances/{id}/documents/{docId}/original':   'alliance.read',
  // Seed 000 8.3: anyone running the alliance proposes an adjustment; the approving committee decides it.
  'POST /api/t/{tenant}/alliances/{id}/adjustments':                 'alliance.adjust',
  'POST /api/t/{tenant}/alliances/{id}/adjustments/{adjId}/approve': 'alliance.review',
  'POST /api/t/{tenant}/alliances/{id}/adjustments/{adjId}/reject':  'alliance.review',
  // 备案 (seed 000 7.2, 8.2, 8.3).
  'GET /api/t/{tenant}/filings':                                     'filing.read',
  'POST /api/t/{tenant}/filings/{id}/acknowledge':                   'filing.ack',
  'POST /api/t/{tenant}/filings/acknowledge':                        'filing.ack',
  // 红色风景线/红色片区 (seed 000 3.3, 3.4).
  'GET /api/t/{tenant}/red-routes':                                  'red.read',
  'POST /api/t/{tenant}/red-routes':                                 'red.manage',
  'GET /api/t/{tenant}/red-routes/{id}':                             'red.read',
  'PATCH /api/t/{tenant}/red-routes/{id}':                           'red.manage',
  'GET /api/t/{tenant}/red-districts':                               'red.read',
  'POST /api/t/{tenant}/red-districts':                              'red.manage',
  'GET /api/t/{tenant}/red-districts/{id}':                          'red.read',
  'PATCH /api/t/{tenant}/red-districts/{id}':                        'red.manage',
  // The lifecycle (README; seed 000 7.1–7.3, 8.1–8.3): the lead files, applies, founds and starts;
  // the approving committee approves, rejects, rectifies, restores and dissolves.
  'POST /api/t/{tenant}/alliances/{id}/apply':                       'alliance.manage',
  'POST /api/t/{tenant}/alliances/{id}/withdraw':                    'alliance.manage',
  'POST /api/t/{tenant}/alliances/{id}/approve':                     'alliance.review',
  'POST /api/t/{tenant}/alliances/{id}/reject':                      'alliance.review',
  'POST /api/t/{tenant}/alliances/{id}/revise':                      'alliance.manage',
  'POST /api/t/{tenant}/alliances/{id}/establish':                   'alliance.manage',
  'POST /api/t/{tenant}/alliances/{id}/start':                       'alliance.manage',
  'POST /api/t/{tenant}/alliances/{id}/rectify':                     'alliance.review',
  'POST /api/t/{tenant}/alliances/{id}/restore':                     'alliance.review',
  'POST /api/t/{tenant}/alliances/{id}/dissolve':                    'alliance.review',
  // 三张清单 (seed 000 6.4, 9.3): reading is list.read; the county keeps the categories.
  'GET /api/t/{tenant}/list-categories':                             'list.read',
  'POST /api/t/{tenant}/list-categories':                            'category.manage',
  'PATCH /api/t/{tenant}/list-categories/{id}':                      'category.manage',
  'GET /api/t/{tenant}/places':                                      'list.read',
  // Needs: raising, editing and withdrawing one's own need is need.create (the liaison for its organization);
  // closing a need is the lead's (need.manage). Suggestions are a read-only view of the need.
  'GET /api/t/{tenant}/needs':                                       'list.read',
  'POST /api/t/{tenant}/needs':                                      'need.create',
  'GET /api/t/{tenant}/needs/export':                                'list.read',
  'GET /api/t/{tenant}/needs/import-template':                       'need.create',
  'POST /api/t/{tenant}/needs/import':                               'need.create',
  'GET /api/t/{tenant}/needs/{id}':                                  'list.read',
  'PATCH /api/t/{tenant}/needs/{id}':                                'need.create',
  'POST /api/t/{tenant}/needs/{id}/withdraw':                        'need.create',
  'POST /api/t/{tenant}/needs/{id}/close':                           'need.manage',
  'POST /api/t/{tenant}/needs/{id}/extend':                          'need.manage',
  'GET /api/t/{tenant}/needs/{id}/suggestions':                      'list.read',
  // Resources: members open their own (seed 000 9.3), the lead keeps the list.
  'GET /api/t/{tenant}/resources':                                   'list.read',
  'POST /api/t/{tenant}/resources':                                  'resource.manage',
  'GET /api/t/{tenant}/resources/export':                            'list.read',
  'GET /api/t/{tenant}/resources/import-template':                   'resource.manage',
  'POST /api/t/{tenant}/resources/import':                           'resource.manage',
  'GET /api/t/{tenant}/resources/{id}':                              'list.read',
  'PATCH /api/t/{tenant}/resources/{id}':                            'resource.manage',
  'POST /api/t/{tenant}/resources/{id}/withdraw':                    'resource.manage',
  // 需求对接: the optimal plan is a computation (match.run); accepting or refusing a match is the lead's decision.
  'POST /api/t/{tenant}/matching/assignment':                        'match.run',
  'POST /api/t/{tenant}/matching/accept':                            'match.accept',
  'POST /api/t/{tenant}/matching/reject':                            'match.accept',
  // 督办: the board is a read; the daily job run by hand is the county's.
  'GET /api/t/{tenant}/supervision/warnings':                        'list.read',
  // 撤销联合体 (ADR 0016): its open projects, needs and resources are a read of the lists, shown to whoever may read them.
  'GET /api/t/{tenant}/alliances/{id}/open-work':                    'list.read',
  'POST /api/t/{tenant}/supervision/run':                            'supervision.run',
  // 死信 (ADR 0012): the county administrator lists and replays the events its consumers could not process.
  'GET /api/t/{tenant}/events/dead-letters':                         'event.dead_letter.read',
  'POST /api/t/{tenant}/events/dead-letters/{id}/replay':            'event.dead_letter.replay',
  // Projects (seed 000 6.4): the alliance coordinates (plans, claim decisions, acceptance: project.manage),
  // members claim (project.claim) and carry out (progress, start, complete: project.deliver), 督办 notes.
  'GET /api/t/{tenant}/projects/export':                             'list.read',
  'GET /api/t/{tenant}/projects':                                    'list.read',
  'POST /api/t/{tenant}/projects':                                   'project.manage',
  'GET /api/t/{tenant}/projects/{id}':                               'list.read',
  'PATCH /api/t/{tenant}/projects/{id}':                             'project.manage',
  'PUT /api/t/{tenant}/projects/{id}/milestones':                    'project.manage',
  'PATCH /api/t/{tenant}/projects/{id}/milestones/{milestoneId}':    'project.deliver',
  'POST /api/t/{tenant}/projects/{id}/claims':                       'project.claim',
  'POST /api/t/{tenant}/projects/{id}/claims/{claimId}/decide':      'project.manage',
  'POST /api/t/{tenant}/projects/{id}/claims/{claimId}/withdraw':    'project.claim',
  'POST /api/t/{tenant}/projects/{id}/notes':                        'project.supervise',
  'POST /api/t/{tenant}/projects/{id}/start':                        'project.deliver',
  'POST /api/t/{tenant}/projects/{id}/complete':                     'project.deliver',
  'POST /api/t/{tenant}/projects/{id}/accept':                       'project.manage',
  'POST /api/t/{tenant}/projects/{id}/return':                       'project.manage',
  'POST /api/t/{tenant}/projects/{id}/cancel':                       'project.manage',
  // The city's overview (README: city_admin).
  'GET /api/city/overview':                                          'city.rollup',
  // Public API for third-party apps (API key, no personal data; 群众点单 submissions).
  'GET /v1/orgs':                                                    'public.org.read',
  'GET /v1/orgs/{id}':                                               'public.org.read',
  'GET /v1/alliances':                                               'public.alliance.read',
  'GET /v1/alliances/{id}':                                          'public.alliance.read',
  'GET /v1/red-routes':                                              'public.alliance.read',
  'GET /v1/needs':                                                   'public.alliance.read',
  'POST /v1/needs':                                                  'public.need.submit',
  // 工作台 (issue 9 §3): everyone's own page; messages are the reader's own, marking them read included.
  'GET /api/t/{tenant}/workbench':                                   'workbench.read',
  'GET /api/t/{tenant}/workbench/counts':                            'workbench.read',
  'GET /api/t/{tenant}/notifications':                               'notification.read',
  'POST /api/t/{tenant}/notifications/read-all':                     'notification.read',
  'POST /api/t/{tenant}/notifications/{id}/read':                    'notification.read',
  // Issue 11, branch organizational life (seed 004 二(三)): the branch records, the county sets the standards.
  'GET /api/t/{tenant}/org-life/records':                            'org_life.read',
  'POST /api/t/{tenant}/org-life/records':                           'org_life.record',
  'GET /api/t/{tenant}/org-life/records/{id}':                       'org_life.read',
  'GET /api/t/{tenant}/org-life/branches/{orgId}/members':           'org_life.read',
  'GET /api/t/{tenant}/org-life/standards':                          'org_life.read',
  'PUT /api/t/{tenant}/org-life/standards':                          'org_life.standard',
  'GET /api/t/{tenant}/org-life/compliance':                         'org_life.read',
  'GET /api/t/{tenant}/org-life/compliance/export':                  'org_life.read',
  // Joint meetings (seed 002 (七)): the alliance records them; a decision's owner completes it.
  'GET /api/t/{tenant}/meetings':                                    'meeting.read',
  'POST /api/t/{tenant}/meetings':                                   'meeting.manage',
  'GET /api/t/{tenant}/meetings/compliance':                         'meeting.read',
  'GET /api/t/{tenant}/meetings/{id}':                               'meeting.read',
  'GET /api/t/{tenant}/meeting-decisions':                           'meeting.read',
  'POST /api/t/{tenant}/meeting-decisions/{id}/complete':            'meeting.decision_complete',
  // 人员 (issue 11 § People): staff read within their scope; import, export and the template are the county's;
  // linking the sign-in account is account management; the member's own page is /my.
  'GET /api/t/{tenant}/people':                                      'person.read',
  'GET /api/t/{tenant}/people/export':                               'person.export',
  'GET /api/t/{tenant}/people/import-template':                      'person.import',
  'POST /api/t/{tenant}/people/import':                              'person.import',
  'POST /api/t/{tenant}/people':                                     'person.manage',
  'GET /api/t/{tenant}/people/{id}':                                 'person.read',
  'PATCH /api/t/{tenant}/people/{id}':                               'person.manage',
  'POST /api/t/{tenant}/people/{id}/leave':                          'person.manage',
  'PUT /api/t/{tenant}/people/{id}/account':                         'user.manage',
  'GET /api/t/{tenant}/my/profile':                                  'my.read',
  // 积分 (issue 11): rules, ledger and rankings are read by every role; a member reads its own page; hand awards
  // and corrections are 'points.award'; a rule change (a new version) is the county's.
  'GET /api/t/{tenant}/points/rules':                                'points.read',
  'GET /api/t/{tenant}/points/rules/{code}/history':                 'points.read',
  'PUT /api/t/{tenant}/points/rules/{code}':                         'points.rules',
  'GET /api/t/{tenant}/points/entries':                              'points.read',
  'POST /api/t/{tenant}/points/entries':                             'points.award',
  'POST /api/t/{tenant}/points/entries/{id}/compensate':             'points.award',
  'GET /api/t/{tenant}/points/leaderboard':                          'points.read',
  'GET /api/t/{tenant}/my/points':                                   'points.read',
  // 报到领岗 (issue 11): everyone reads posts; the owner (community or alliance) sets them up, decides claims,
  // confirms service; a member claims and logs their own service under /my.
  'GET /api/t/{tenant}/posts':                                       'post.read',
  'POST /api/t/{tenant}/posts':                                      'post.manage',
  'GET /api/t/{tenant}/posts/{id}':                                  'post.read',
  'PATCH /api/t/{tenant}/posts/{id}':                                'post.manage',
  'GET /api/t/{tenant}/posts/{id}/claims':                           'post.decide',
  'POST /api/t/{tenant}/posts/{id}/claims/{claimId}/decide':         'post.decide',
  'POST /api/t/{tenant}/posts/{id}/service-logs/{logId}/decide':     'post.decide',
  'GET /api/t/{tenant}/my/posts':                                    'post.claim',
  'POST /api/t/{tenant}/my/posts/{postId}/claims':                   'post.claim',
  'POST /api/t/{tenant}/my/claims/{id}/service':                     'post.claim',
  // 双报到 (seed 002 (十六), seed 003; issue 11): staff read; pairings and reports are arranged by the county, the committee
  // above or the organization itself; the community keeps the 记实档案; the county sets the standard; a member reports themself.
  'GET /api/t/{tenant}/pairings':                                    'pairing.read',
  'POST /api/t/{tenant}/pairings':                                   'pairing.manage',
  'GET /api/t/{tenant}/pairings/{id}':                               'pairing.read',
  'PATCH /api/t/{tenant}/pairings/{id}':                             'pairing.manage',
  'GET /api/t/{tenant}/member-reports':                              'pairing.read',
  'POST /api/t/{tenant}/member-reports':                             'pairing.manage',
  'POST /api/t/{tenant}/member-reports/{id}/end':                    'pairing.manage',
  'GET /api/t/{tenant}/report-records':                              'pairing.read',
  'POST /api/t/{tenant}/report-records':                             'report.record',
  'GET /api/t/{tenant}/pairing/compliance':                          'pairing.read',
  'GET /api/t/{tenant}/pairing/compliance/export':                   'pairing.read',
  'GET /api/t/{tenant}/pairing/standards/{year}':                    'pairing.read',
  'PUT /api/t/{tenant}/pairing/standards/{year}':                    'pairing.standard',
  'GET /api/t/{tenant}/my/reports':                                  'pairing.self',
  'POST /api/t/{tenant}/my/reports':                                 'pairing.self',
  // Issue 11 活动 (seed 000 9.2): everyone reads activities and the quota table; the alliance (its lead) and the county run them;
  // the quota plan is the alliance's own file (seed 003: negotiated by its members), as alliance.manage.
  'GET /api/t/{tenant}/activities':                                  'activity.read',
  'POST /api/t/{tenant}/activities':                                 'activity.manage',
  'GET /api/t/{tenant}/activities/compliance':                       'activity.read',
  'GET /api/t/{tenant}/activities/compliance/export':                'activity.read',
  'GET /api/t/{tenant}/activities/quota-plans/{allianceId}':         'activity.read',
  'PUT /api/t/{tenant}/activities/quota-plans/{allianceId}':         'alliance.manage',
  'GET /api/t/{tenant}/activities/{id}':                             'activity.read',
  'PATCH /api/t/{tenant}/activities/{id}':                           'activity.manage',
  'POST /api/t/{tenant}/activities/{id}/attendance':                 'activity.manage',
  'GET /api/t/{tenant}/activities/{id}/photos':                      'activity.read',
  'POST /api/t/{tenant}/activities/{id}/photos':                     'activity.manage',
  'GET /api/t/{tenant}/activities/{id}/photos/{photoId}':            'activity.read',
  'DELETE /api/t/{tenant}/activities/{id}/photos/{photoId}':         'activity.manage',
  // The member's own phone pages: check in, my activities.
  'POST /api/t/{tenant}/my/checkins':                                'activity.checkin',
  'GET /api/t/{tenant}/my/activities':                               'activity.checkin',
  // Issue 12 以奖代补 reward rounds: drafts are changed and simulated, then published once; payments recorded one by one.
  'GET /api/t/{tenant}/rewards/rounds':                              'reward.read',
  'POST /api/t/{tenant}/rewards/rounds':                             'reward.manage',
  'GET /api/t/{tenant}/rewards/rounds/{id}':                         'reward.read',
  'PATCH /api/t/{tenant}/rewards/rounds/{id}':                       'reward.manage',
  'POST /api/t/{tenant}/rewards/rounds/{id}/simulate':               'reward.manage',
  'POST /api/t/{tenant}/rewards/rounds/{id}/publish':                'reward.manage',
  'POST /api/t/{tenant}/rewards/rounds/{id}/correct':                'reward.manage',
  'GET /api/t/{tenant}/rewards/rounds/{id}/allocations':             'reward.read',
  'POST /api/t/{tenant}/rewards/disbursements/{id}/pay':             'reward.manage',
};
