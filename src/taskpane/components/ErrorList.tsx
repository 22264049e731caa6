import * as React from 'react';
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { InputError, Severity } from '../../input';
import { selectWhere } from '../../office/selectCell';
import type { WorkbookHost } from '../host';

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
  host,
  errors,
  label,
}: {
  host: WorkbookHost;
  errors: (InputError & { severity?: Severity })[];
  label: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {errors.map((e, i) => (
        <li key={`${e.where}-${i}`}>
          <Link
            as="button"
            className={styles.where}
            onClick={() => void selectWhere(host.run, e.where)}
            aria-label={`Go to ${e.where}: ${e.severity === 'warning' ? 'Warning: ' : ''}${e.message}`}
          >
            {e.where}
          </Link>{' '}
          {e.severity === 'warning' && <Text weight="semibold">Warning: </Text>}
          <Text>{e.message}</Text>
        </li>
      ))}
    </ul>
  );
}
