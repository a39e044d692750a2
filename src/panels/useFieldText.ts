import { useState } from 'react';

/** The text of a typed field: what the person types while the field has focus, and
 *  otherwise the value as it is now. A change made elsewhere (a peer in a live room,
 *  undo) then shows at once, instead of the text the field opened with; one made
 *  while the person types shows when they leave the field. */
export function useFieldText(value: string) {
  const [text, setText] = useState(value);
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState(value);
  if (!editing && value !== shown) {
    setShown(value);
    setText(value);
  }
  return { text, setText, onFocus: () => setEditing(true), onBlur: () => setEditing(false) };
}
