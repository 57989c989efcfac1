import { it } from 'vitest';
import { WorkCalendar } from '../calendar/index.ts';
import { documentText } from './blocks.ts';
import { findTemplate, renderDocumentContent } from './catalog.ts';
import { buildRecordedActsCase } from './fixtures.ts';
it('dump', () => {
  const c = buildRecordedActsCase();
  for (const id of ['decline-approval','decline-notice','withdrawal-approval','preservation-notice','preservation-decision','resumption-approval','statement-record','statement-review','decision-approval','deferral-approval','deferral-decision','enforcement-application']) {
    console.log('=====', id, '\n' + documentText(renderDocumentContent(c, findTemplate(id), { calendar: new WorkCalendar() })));
  }
});
