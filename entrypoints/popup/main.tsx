import { render } from 'preact';
import { localiseDocument, t } from '../../utils/i18n';
import { App } from './App';
import './style.css';
import '../../components/authors.css';

localiseDocument(document, t('popup.docTitle'));
render(<App />, document.getElementById('app')!);
