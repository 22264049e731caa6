import * as React from 'react';
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { InputError, Severity } from '../../input';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

/** Input errors (and warnings, labelled "Warning"), each with its cell: selecting one takes you to that cell. */
export function ErrorList({
  errors,
  label,
}: {
  errors: (InputError & { severity?: Severity })[];
  label: string;
}): React.JSX.Element {
  const styles = useStyles();
  const { actions } = usePane();
  return (
    <ul className={styles.list} aria-label={label}>
      {errors.map((e, i) => (
        <li key={`${e.where}-${i}`}>
          <Link
            as="button"
            className={styles.where}
            onClick={() => void actions.goTo(e.where)}
            aria-label={STRINGS.check.goTo(e.where, e.message, e.severity === 'warning')}
          >
            {e.where}
          </Link>{' '}
          {e.severity === 'warning' && <Text weight="semibold">{STRINGS.check.warning} </Text>}
          <Text>{e.message}</Text>
        </li>
      ))}
    </ul>
  );
}
