import {
  KOEIROMAP_STYLES,
  OPENAI_VOICES,
  VOICE_RANGES,
  type KoeiromapStyle,
  type OpenAiVoiceName,
  type VoiceProvider,
  type VoiceSettings,
} from '../../net';
import { h, replace } from '../../ui/dom';
import { field, select, slider, textInput } from './formFields';

const PROVIDERS: ReadonlyArray<readonly [VoiceProvider, string]> = [
  ['espeak', 'eSpeak NG (built in, works offline)'],
  ['koeiromap', 'Koeiromap (Japanese voices)'],
  ['openai', 'OpenAI text-to-speech'],
];

/** Slider ranges: what the server accepts (shared/characters.ts), in comfortable steps. */
const RANGES = {
  pitch: { ...VOICE_RANGES.espeakPitch, step: 0.05 },
  espeakSpeed: { ...VOICE_RANGES.espeakSpeed, step: 0.05 },
  speaker: { ...VOICE_RANGES.koeiromapSpeaker, step: 0.1 },
  openaiSpeed: { ...VOICE_RANGES.openaiSpeed, step: 0.05 },
} as const;

type Control = HTMLInputElement | HTMLSelectElement;

/**
 * The "Voice" part of the character editor: a provider, then that provider's settings. A server
 * without the chosen provider set up speaks with its default voice instead.
 */
export class VoiceFields {
  readonly error = h('p', { class: 'field-error', id: 'voice-error', 'aria-live': 'polite' });
  private readonly provider: HTMLSelectElement;
  private readonly settings = h('div', { class: 'voice-settings' });
  private controls: Record<string, Control> = {};
  readonly el: HTMLFieldSetElement;

  constructor(voice: VoiceSettings) {
    this.provider = select('voice-provider', PROVIDERS, voice.provider);
    const provider = field(
      {
        id: 'voice-provider',
        label: 'Speaks with',
        hint: 'If the server has no key for this service, the built-in voice speaks instead.',
      },
      this.provider,
    );
    this.el = h(
      'fieldset',
      { class: 'field voice-fields', 'aria-describedby': this.error.id },
      h('legend', { class: 'field-label' }, 'Voice'),
      provider.wrap,
      this.settings,
      this.error,
    );
    this.provider.addEventListener('change', () =>
      this.draw({ provider: this.provider.value as VoiceProvider } as VoiceSettings),
    );
    this.draw(voice);
  }

  /** The voice as the API takes it (empty settings left out). */
  value(): VoiceSettings {
    const n = (name: string) => Number(this.controls[name].value);
    const s = (name: string) => this.controls[name].value;
    if (this.provider.value === 'koeiromap')
      return {
        provider: 'koeiromap',
        speakerX: n('speakerX'),
        speakerY: n('speakerY'),
        style: s('style') as KoeiromapStyle,
      };
    if (this.provider.value === 'openai')
      return {
        provider: 'openai',
        ...(s('voice') ? { voice: s('voice') as OpenAiVoiceName } : {}),
        speed: n('speed'),
      };
    return {
      provider: 'espeak',
      ...(s('voice').trim() ? { voice: s('voice').trim() } : {}),
      pitch: n('pitch'),
      speed: n('speed'),
    };
  }

  private draw(voice: VoiceSettings): void {
    this.controls = {};
    if (voice.provider === 'koeiromap') {
      replace(
        this.settings,
        this.slider('speakerX', 'Speaker X', RANGES.speaker, voice.speakerX ?? 0),
        this.slider('speakerY', 'Speaker Y', RANGES.speaker, voice.speakerY ?? 0),
        this.choice(
          'style',
          'Style',
          KOEIROMAP_STYLES.map((st) => [st, st] as const),
          voice.style ?? 'talk',
        ),
      );
    } else if (voice.provider === 'openai') {
      replace(
        this.settings,
        this.choice(
          'voice',
          'Voice',
          [['', 'Default'], ...OPENAI_VOICES.map((v) => [v, v] as const)],
          voice.voice ?? '',
        ),
        this.slider('speed', 'Speed', RANGES.openaiSpeed, voice.speed ?? 1),
      );
    } else {
      const name = this.remember(
        'voice',
        textInput('voice', voice.voice ?? '', 40, { placeholder: 'en-us', spellcheck: 'false' }),
      );
      replace(
        this.settings,
        field(
          {
            id: 'voice-voice',
            label: 'eSpeak voice',
            hint: 'Such as "en-us", "en-gb", "ja" or "en-us+f3". Empty: the language\'s own voice.',
          },
          name,
        ).wrap,
        this.slider('pitch', 'Pitch', RANGES.pitch, voice.pitch ?? 1),
        this.slider('speed', 'Speed', RANGES.espeakSpeed, voice.speed ?? 1),
      );
    }
  }

  private slider(
    name: string,
    label: string,
    range: { min: number; max: number; step: number },
    value: number,
  ): HTMLElement {
    const s = slider(name, range, value);
    this.remember(name, s.input);
    return field({ id: `voice-${name}`, label }, s.input, s.el).wrap;
  }

  private choice(
    name: string,
    label: string,
    options: ReadonlyArray<readonly [string, string]>,
    value: string,
  ): HTMLElement {
    return field({ id: `voice-${name}`, label }, this.remember(name, select(name, options, value))).wrap;
  }

  private remember<T extends Control>(name: string, control: T): T {
    this.controls[name] = control;
    return control;
  }
}
