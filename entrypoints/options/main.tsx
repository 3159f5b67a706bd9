import { render } from 'preact';
import { localiseDocument, t } from '../../utils/i18n';
import { App } from './App';
import './style.css';
import '../../components/authors.css';

localiseDocument(document, t('authors.form.options'));
render(<App />, document.getElementById('app')!);
