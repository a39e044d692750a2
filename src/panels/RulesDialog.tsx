import { RULES } from '../analysis/registry.ts';
import { Dialog } from './Dialog.tsx';

/** Every rule the review applies, generated from the registry. */
export function RulesDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Rules" onClose={onClose}>
      <ul className="rules-list">
        {RULES.map((rule) => (
          <li key={rule.id}>
            <h3>
              <span className={`severity-tag severity-${rule.severity}`}>{rule.severity}</span> {rule.title} <code>{rule.id}</code>
            </h3>
            <p>
              <strong>Fires when: </strong>
              {rule.when}
            </p>
            <p>{rule.why}</p>
            <p>
              <strong>Fix: </strong>
              {rule.fix}
            </p>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
