import { figuresOf } from './figuresProtocol.ts';
import { serve } from './workerScope.ts';

// The load figures alone, off the main thread and apart from the review, so a changed
// rate shows in a frame or two however long the rules take.
serve(figuresOf);
