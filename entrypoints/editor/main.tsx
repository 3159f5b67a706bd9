import { render } from 'preact';
import { App } from './App';
import { localiseDocument, t } from '../../utils/i18n';
import { connectEditor } from './connect';
import './style.css';

localiseDocument(document, t('editor.frameTitle'));
// The system's light or dark until the page says its own (App: each item shown carries it).
document.documentElement.dataset.scheme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

// The frame learns its tab's notice from the background (the sender's tab), never from its URL.
render(<App connection={connectEditor()} />, document.getElementById('app')!);
