import * as React from 'react';
import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { GenerateSummary } from '../workflow';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';
import { ErrorList } from './ErrorList';

const S = STRINGS.generate;

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  amount: { margin: 0, fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
  heading: { margin: 0, outlineOffset: '2px' },
  links: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  nowrap: { whiteSpace: 'nowrap' },
});

/** What Generate wrote: key figures, checks (failing ones link to their Tie-Out row), sheets as links. */
export function RunSummary({ summary }: { summary: GenerateSummary }): React.JSX.Element {
  const styles = useStyles();
  const { actions, fmt, claimFocus } = usePane();
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    // Focus moves to the summary once per run, so a screen reader reads it and the keyboard continues from it.
    if (claimFocus(summary)) heading.current?.focus();
  }, [summary, claimFocus]);
  const c = summary.byClassification;
  const k = summary.keyFigures;
  const allPassed = summary.checksPassed === summary.checksTotal;
  const left = summary.write.userSheetsLeftAlone;
  return (
    <MessageBar intent={allPassed && summary.failures.length === 0 ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          <Text as="h2" size={300} weight="semibold" className={styles.heading} ref={heading} tabIndex={-1}>
            {S.written}
          </Text>
        </MessageBarTitle>
        <dl className={styles.summary} aria-label={S.summaryLabel}>
          <dt className={styles.term}>{S.leases}</dt>
          <dd className={styles.detail}>
            {S.leasesDetail(
              fmt.count(summary.leases),
              fmt.count(c.operating),
              fmt.count(c.finance),
              fmt.count(c['short-term']),
            )}
          </dd>
          <dt className={styles.term}>{S.periodReported}</dt>
          <dd className={styles.detail}>
            {S.periodText(
              summary.period.label,
              summary.period.start,
              summary.period.end,
              summary.period.kind === 'month',
            )}
          </dd>
          <dt className={styles.term}>{S.checksPassed}</dt>
          <dd className={styles.detail}>
            {S.checksOf(fmt.count(summary.checksPassed), fmt.count(summary.checksTotal))}
          </dd>
          {k.byCurrency.map((f) => (
            <React.Fragment key={f.currency}>
              <dt className={styles.term}>{S.liability(f.currency)}</dt>
              <dd className={styles.detail}>
                {fmt.cents(f.liability)} <Text size={200}>{S.atDate(fmt.date(k.reportingDate))}</Text>
              </dd>
              <dt className={styles.term}>{S.rouAsset(f.currency)}</dt>
              <dd className={styles.detail}>{fmt.cents(f.rouAsset)}</dd>
              <dt className={styles.term}>
                {S.leaseCost(f.currency, fmt.date(k.periodStart), fmt.date(k.reportingDate))}
              </dt>
              <dd className={styles.detail}>{fmt.cents(f.leaseCost)}</dd>
            </React.Fragment>
          ))}
          <dt className={styles.term}>{S.timeTaken}</dt>
          <dd className={styles.detail}>{S.seconds(fmt.seconds(summary.seconds))}</dd>
          <dt className={styles.term}>{S.sheets}</dt>
          <dd className={styles.detail}>
            {summary.write.sheets.map((s, i, all) => (
              // Each name keeps its comma on its line; the lines break between names.
              <React.Fragment key={s.name}>
                <span className={styles.nowrap}>
                  <Link as="button" onClick={() => void actions.openSheet(s.name)} aria-label={S.goToSheet(s.name)}>
                    {s.name}
                  </Link>
                  {i < all.length - 1 && ','}
                </span>{' '}
              </React.Fragment>
            ))}
          </dd>
        </dl>
        {summary.failingChecks.length > 0 && summary.tieOutSheet && (
          <>
            <Text weight="semibold">{S.failingChecks}</Text>
            <ul className={styles.links} aria-label={S.failingChecks}>
              {summary.failingChecks.map((f) => (
                <li key={f.row}>
                  <Link
                    as="button"
                    onClick={() => void actions.goTo(`'${summary.tieOutSheet!.replace(/'/g, "''")}'!A${f.row}`)}
                    aria-label={S.goToCheck(f.label)}
                  >
                    {f.label}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        {left.length > 0 && <div>{S.leftAlone(left.join(', '), left.length === 1)}</div>}
        {summary.warnings.length > 0 && (
          <>
            <Text weight="semibold">
              {S.warnings(fmt.count(summary.warnings.length), summary.warnings.length === 1)}
            </Text>
            <ErrorList
              errors={summary.warnings.map((w) => ({ where: w.where, message: w.message, severity: 'warning' }))}
              label={S.warnings(fmt.count(summary.warnings.length), summary.warnings.length === 1)}
            />
          </>
        )}
        {summary.failures.length > 0 && (
          <div>
            {S.notMeasured(summary.failures.map((f) => `${f.where ? `${f.where} ` : ''}${f.message}`).join('; '))}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
