import { useEditor } from '../store/context.ts';

/** Problems (a rejected file, a failed save) in an alert; other news in a status line. */
export function Notice() {
  const notice = useEditor((state) => state.notice);
  const dismiss = useEditor((state) => state.dismissNotice);
  return (
    <div className="notice-area">
      <div role="alert" className={notice?.kind === 'error' ? 'notice notice-error' : 'visually-hidden'}>
        {notice?.kind === 'error' && (
          <>
            <span>{notice.text}</span>
            <button type="button" onClick={dismiss} aria-label="Dismiss">
              ×
            </button>
          </>
        )}
      </div>
      <div role="status" className={notice?.kind === 'info' ? 'notice notice-info' : 'visually-hidden'}>
        {notice?.kind === 'info' && notice.text}
      </div>
      {notice?.kind === 'info' && notice.details && notice.details.length > 0 && (
        // Outside the live region, so a long report is not read out on arrival.
        <div className="notice notice-info notice-details">
          <details>
            <summary>Import report ({notice.details.length} elements)</summary>
            <ul aria-label="Import report">
              {notice.details.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </details>
          <button type="button" onClick={dismiss} aria-label="Dismiss the import report">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
