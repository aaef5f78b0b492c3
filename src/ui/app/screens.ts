// The screens of the TUI and what each is opened with.
import type { LoadedForForm } from './tui-services.js';

export interface FormPrefill {
  ticket?: string;
  environment?: string;
  operator?: string;
  drill?: boolean;
  variables?: Record<string, string>;
}

export interface TriagePreset {
  severity?: string;
  title?: string;
  section?: string;
  item?: string;
}

export type Screen =
  | { name: 'home' }
  | { name: 'new-session'; ref: string; loaded?: LoadedForForm; prefill: FormPrefill; fromHome: boolean }
  /** `editing`: a role's form is open (the footer then shows the form's keys). */
  | { name: 'roles'; editing?: boolean }
  | { name: 'main' }
  | { name: 'running' }
  | { name: 'pager'; runId: string; back: 'main' | 'running' }
  /** `back`: where Esc and a declared incident return (the incidents list, when opened from it). */
  | { name: 'triage'; preset?: TriagePreset; back?: 'main' | 'incidents' }
  | { name: 'incidents' }
  | { name: 'decision' }
  | { name: 'signoff'; roleId?: string; itemId?: string }
  | { name: 'export' }
  /** `thenQuit`: opened from the quit question, so going back asks it again. */
  | { name: 'drill-summary'; thenQuit?: boolean };

export type ScreenName = Screen['name'];
