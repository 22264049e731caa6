import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** An action that did not complete: what failed (the title) and why (the children). */
export function Failure({ title, children }: { title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
