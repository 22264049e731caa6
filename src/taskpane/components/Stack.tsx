import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'stretch' },
});

/** Children one under another with the pane's spacing. */
export function Stack({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <div className={useStyles().stack}>{children}</div>;
}
