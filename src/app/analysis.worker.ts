import { reviewOf } from './analysisProtocol.ts';
import { serve } from './workerScope.ts';

// The whole design review, off the main thread.
serve(reviewOf);
