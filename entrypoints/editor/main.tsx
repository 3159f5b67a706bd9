import { render } from 'preact';
import { App } from './App';
import { localiseDocument, t } from '../../utils/i18n';
import { connectEditor } from './connect';
import './style.css';

localiseDocument(document, t('editor.frameTitle'));

// The frame learns its tab's notice from the background (the sender's tab), never from its URL.
render(<App connection={connectEditor()} />, document.getElementById('app')!);
