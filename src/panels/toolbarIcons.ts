import { BookOpen, Flame, Grid3x3, Keyboard, Moon, Network, Redo2, Undo2, type LucideIcon } from 'lucide-react';
import type { ToolbarIcon } from '../commands/toolbar.ts';

export const TOOLBAR_ICONS: Record<ToolbarIcon, LucideIcon> = {
  undo: Undo2,
  redo: Redo2,
  'auto-layout': Network,
  snap: Grid3x3,
  'what-if': Flame,
  rules: BookOpen,
  shortcuts: Keyboard,
  'dark-mode': Moon,
};
